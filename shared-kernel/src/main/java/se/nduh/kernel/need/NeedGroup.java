package se.nduh.kernel.need;

/** The need group (behovsgrupp): who is concerned and how many people, at population level. */
public record NeedGroup(String description, long size) {
}

package se.nduh.kernel.comparison;

/** The areas metrics are grouped by: the cycle's four, and the indicators compared across regions. */
public enum Area {
    NEEDS("Behov"),
    PRIORITISATION("Prioritering"),
    COMMISSIONING("Uppdrag"),
    FOLLOW_UP("Uppföljning"),
    INDICATORS("Indikatorer");

    private final String swedish;

    Area(String swedish) {
        this.swedish = swedish;
    }

    public String swedish() {
        return swedish;
    }
}

package se.nduh.kernel.commission;

/** How often a follow-up indicator is measured. */
public enum Frequency {
    WEEK,
    MONTH,
    QUARTER,
    HALF_YEAR,
    YEAR
}

package se.nduh.kernel.commission;

/** How often a follow-up indicator is measured, most often first: {@link FollowUpLevel#stepsFrom} counts along this order. */
public enum Frequency {
    WEEK,
    MONTH,
    QUARTER,
    HALF_YEAR,
    YEAR
}

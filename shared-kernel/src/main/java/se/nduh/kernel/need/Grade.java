package se.nduh.kernel.need;

/**
 * The four steps of the national model for open priority setting, read as "how much": for severity the
 * most severe, for benefit the greatest, for cost-effectiveness the best value, for evidence the most certain.
 */
public enum Grade {
    VERY_HIGH("mycket stor"),
    HIGH("stor"),
    MODERATE("måttlig"),
    LOW("liten");

    private final String swedish;

    Grade(String swedish) {
        this.swedish = swedish;
    }

    public String swedish() {
        return swedish;
    }

    public boolean above(Grade other) {
        return ordinal() < other.ordinal();
    }
}

package se.nduh.kernel.commission;

/** The levels of the "datasmarta" table: what is followed up, from activities to effects on health. */
public enum FollowUpLevel {
    ACTIVITY("aktivitet"),
    PROCESS("process"),
    INDICATOR("indikator"),
    EFFECT("effekt");

    private final String swedish;

    FollowUpLevel(String swedish) {
        this.swedish = swedish;
    }

    public String swedish() {
        return swedish;
    }
}

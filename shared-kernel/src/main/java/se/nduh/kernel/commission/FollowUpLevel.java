package se.nduh.kernel.commission;

import java.util.Arrays;
import java.util.Optional;

/**
 * The levels of the "datasmarta" table: what is followed up, from activities to effects on health, which decision
 * level follows it up (team, enhet, förvaltning, politik) and at which pace (vecka, månad, kvartal, halvår–år).
 */
public enum FollowUpLevel {
    ACTIVITY("aktivitet", "team", Frequency.WEEK, Frequency.WEEK),
    PROCESS("process", "enhet", Frequency.MONTH, Frequency.MONTH),
    INDICATOR("indikator", "forvaltning", Frequency.QUARTER, Frequency.QUARTER),
    EFFECT("effekt", "politik", Frequency.HALF_YEAR, Frequency.YEAR);

    private final String swedish;
    private final String decisionLevel;
    private final Frequency fastest;
    private final Frequency slowest;

    FollowUpLevel(String swedish, String decisionLevel, Frequency fastest, Frequency slowest) {
        this.swedish = swedish;
        this.decisionLevel = decisionLevel;
        this.fastest = fastest;
        this.slowest = slowest;
    }

    public String swedish() {
        return swedish;
    }

    /** The decision level that follows this level up, as the API names it: {@code politik}, {@code forvaltning}, {@code enhet}, {@code team}. */
    public String decisionLevel() {
        return decisionLevel;
    }

    /** The level a decision level follows up, if the code names one. */
    public static Optional<FollowUpLevel> ofDecisionLevel(String code) {
        return Arrays.stream(values()).filter(level -> level.decisionLevel.equals(code)).findFirst();
    }

    /**
     * How many steps a frequency lies from this level's own pace, on the scale week, month, quarter, half-year, year:
     * 0 within it (half-year or year for effects), 1 for the next frequency either side, and so on.
     */
    public int stepsFrom(Frequency frequency) {
        int at = frequency.ordinal();
        return at < fastest.ordinal() ? fastest.ordinal() - at : Math.max(0, at - slowest.ordinal());
    }
}

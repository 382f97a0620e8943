package se.nduh.query.arshjul;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * The seeds' annual wheel for budget year Y: needs are described in spring of Y-1, priorities decided with
 * the plan and budget in November of Y-1, commissions issued by the end of January of Y, and the follow-up
 * recorded each quarter of Y (by the end of the month after the quarter).
 */
record AnnualWheel(List<Step> steps) {

    enum StepKind { NEEDS_DESCRIBED, PRIORITIES_DECIDED, COMMISSIONS_ISSUED, FOLLOW_UP_Q1, FOLLOW_UP_Q2, FOLLOW_UP_Q3, FOLLOW_UP_Q4 }

    /** One step: what, in Swedish, when it is due, whether and when it was done, and whether it is overdue. */
    record Step(StepKind step, String label, LocalDate due, boolean done, LocalDate doneOn, boolean overdue) {
    }

    static LocalDate due(StepKind step, int budgetYear) {
        return switch (step) {
            case NEEDS_DESCRIBED -> MonthDay.of(4, 30).atYear(budgetYear - 1);
            case PRIORITIES_DECIDED -> MonthDay.of(11, 30).atYear(budgetYear - 1);
            case COMMISSIONS_ISSUED -> MonthDay.of(1, 31).atYear(budgetYear);
            case FOLLOW_UP_Q1 -> MonthDay.of(4, 30).atYear(budgetYear);
            case FOLLOW_UP_Q2 -> MonthDay.of(7, 31).atYear(budgetYear);
            case FOLLOW_UP_Q3 -> MonthDay.of(10, 31).atYear(budgetYear);
            case FOLLOW_UP_Q4 -> MonthDay.of(1, 31).atYear(budgetYear + 1);
        };
    }

    static String label(StepKind step) {
        return switch (step) {
            case NEEDS_DESCRIBED -> "Behov beskrivna";
            case PRIORITIES_DECIDED -> "Prioriteringar beslutade";
            case COMMISSIONS_ISSUED -> "Uppdrag utfärdade";
            case FOLLOW_UP_Q1 -> "Uppföljning kvartal 1";
            case FOLLOW_UP_Q2 -> "Uppföljning kvartal 2";
            case FOLLOW_UP_Q3 -> "Uppföljning kvartal 3";
            case FOLLOW_UP_Q4 -> "Uppföljning kvartal 4";
        };
    }
}

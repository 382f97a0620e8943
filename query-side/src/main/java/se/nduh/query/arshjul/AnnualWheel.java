package se.nduh.query.arshjul;

import se.nduh.kernel.cycle.CycleMilestone;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * The seeds' annual wheel for budget year Y: needs are described in spring of Y-1 and discussed with the services
 * and need groups by the end of September, priorities decided with the council's plan and budget in November of
 * Y-1, commissions issued by the end of January of Y and the consequences of the allocation discussed by the end of
 * February, the follow-up recorded each quarter of Y (by the end of the month after the quarter), and the year's
 * results reported in the annual report by the end of April of Y+1.
 */
record AnnualWheel(List<Step> steps) {

    /** The steps in the order they fall due; those with a milestone are recorded by the region, the others read from the cycle. */
    enum StepKind {
        NEEDS_DESCRIBED(null), NEEDS_DIALOGUE(CycleMilestone.NEEDS_DIALOGUE), PRIORITIES_DECIDED(null),
        PLAN_AND_BUDGET_DECIDED(CycleMilestone.PLAN_AND_BUDGET_DECIDED), COMMISSIONS_ISSUED(null),
        CONSEQUENCE_DIALOGUE(CycleMilestone.CONSEQUENCE_DIALOGUE), FOLLOW_UP_Q1(null), FOLLOW_UP_Q2(null),
        FOLLOW_UP_Q3(null), FOLLOW_UP_Q4(null), ANNUAL_REPORT(CycleMilestone.ANNUAL_REPORT);

        private final CycleMilestone milestone;

        StepKind(CycleMilestone milestone) {
            this.milestone = milestone;
        }

        /** The milestone that marks the step done, or {@code null} for a step the platform sees happen. */
        CycleMilestone milestone() {
            return milestone;
        }
    }

    /** One step: what, in Swedish, when it is due, whether and when it was done, and whether it is overdue. */
    record Step(StepKind step, String label, LocalDate due, boolean done, LocalDate doneOn, boolean overdue) {
    }

    static LocalDate due(StepKind step, int budgetYear) {
        return switch (step) {
            case NEEDS_DESCRIBED -> MonthDay.of(4, 30).atYear(budgetYear - 1);
            case NEEDS_DIALOGUE -> MonthDay.of(9, 30).atYear(budgetYear - 1);
            case PRIORITIES_DECIDED, PLAN_AND_BUDGET_DECIDED -> MonthDay.of(11, 30).atYear(budgetYear - 1);
            case COMMISSIONS_ISSUED -> MonthDay.of(1, 31).atYear(budgetYear);
            case CONSEQUENCE_DIALOGUE -> MonthDay.of(2, 28).atYear(budgetYear);
            case FOLLOW_UP_Q1 -> MonthDay.of(4, 30).atYear(budgetYear);
            case FOLLOW_UP_Q2 -> MonthDay.of(7, 31).atYear(budgetYear);
            case FOLLOW_UP_Q3 -> MonthDay.of(10, 31).atYear(budgetYear);
            case FOLLOW_UP_Q4 -> MonthDay.of(1, 31).atYear(budgetYear + 1);
            case ANNUAL_REPORT -> MonthDay.of(4, 30).atYear(budgetYear + 1);
        };
    }

    static String label(StepKind step) {
        return switch (step) {
            case NEEDS_DESCRIBED -> "Behov beskrivna";
            case NEEDS_DIALOGUE -> "Dialog om utvalda behov";
            case PRIORITIES_DECIDED -> "Prioriteringar beslutade";
            case PLAN_AND_BUDGET_DECIDED -> "Fullmäktiges beslut om verksamhetsplan och budget";
            case COMMISSIONS_ISSUED -> "Uppdrag utfärdade";
            case CONSEQUENCE_DIALOGUE -> "Dialog om konsekvenser av resursfördelningen";
            case FOLLOW_UP_Q1 -> "Uppföljning kvartal 1";
            case FOLLOW_UP_Q2 -> "Uppföljning kvartal 2";
            case FOLLOW_UP_Q3 -> "Uppföljning kvartal 3";
            case FOLLOW_UP_Q4 -> "Uppföljning kvartal 4";
            case ANNUAL_REPORT -> "Årsredovisning";
        };
    }
}

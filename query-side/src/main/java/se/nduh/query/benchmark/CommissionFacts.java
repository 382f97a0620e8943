package se.nduh.query.benchmark;

import se.nduh.kernel.commission.CommissionTerms;
import se.nduh.kernel.commission.FollowUpIndicator;
import se.nduh.kernel.commission.FollowUpLevel;
import se.nduh.kernel.commission.Goal;
import se.nduh.kernel.commission.PaymentModel;
import se.nduh.kernel.commission.Perspective;
import se.nduh.kernel.need.KindOfEffort;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the comparison publisher keeps of one commission: the shape of its terms (no texts), whether it was issued
 * and with warnings, and the latest goal fulfilment of each follow-up indicator per period.
 *
 * @param levels     the level of each follow-up indicator, by its id
 * @param fulfilment goal fulfilment by {@code indicatorId|period}
 */
record CommissionFacts(String region, int budgetYear, boolean issued, boolean warned, boolean preventive,
                       boolean everyGoalFollowedUp, boolean populationPerspective, boolean activePaymentLinkedToGoals,
                       Map<String, FollowUpLevel> levels, Map<String, Fulfilment> fulfilment) {

    record Fulfilment(FollowUpLevel level, String period, BigDecimal value) {
    }

    static CommissionFacts drafted(String region, CommissionTerms terms) {
        return new CommissionFacts(region, terms.roundId().budgetYear(), false, false, false, false, false, false,
                Map.of(), Map.of()).withTerms(terms);
    }

    CommissionFacts withTerms(CommissionTerms terms) {
        List<FollowUpIndicator> plan = terms.followUpPlan();
        boolean everyGoal = terms.goals().stream().map(Goal::goalId)
                .allMatch(goal -> plan.stream().anyMatch(indicator -> goal.equals(indicator.goalId())));
        PaymentModel payment = terms.payment();
        return new CommissionFacts(region, budgetYear, issued, warned,
                terms.kindsOfEffort().contains(KindOfEffort.PREVENTIVE) || terms.kindsOfEffort().contains(KindOfEffort.HEALTH_PROMOTING),
                everyGoal, plan.stream().anyMatch(indicator -> indicator.perspective() == Perspective.POPULATION),
                payment.kind() == PaymentModel.Kind.ACTIVE && !payment.linkedGoalIds().isEmpty(),
                plan.stream().collect(Collectors.toMap(FollowUpIndicator::indicatorId, FollowUpIndicator::level)), fulfilment);
    }

    CommissionFacts issued(boolean withWarnings) {
        return new CommissionFacts(region, budgetYear, true, withWarnings, preventive, everyGoalFollowedUp,
                populationPerspective, activePaymentLinkedToGoals, levels, fulfilment);
    }

    /** An outcome of an indicator that measures a goal; a correction replaces the period's earlier value. */
    CommissionFacts outcome(String indicatorId, String period, BigDecimal goalFulfilment) {
        Map<String, Fulfilment> all = new HashMap<>(fulfilment);
        all.put(indicatorId + "|" + period, new Fulfilment(levels.get(indicatorId), period, goalFulfilment));
        return new CommissionFacts(region, budgetYear, issued, warned, preventive, everyGoalFollowedUp,
                populationPerspective, activePaymentLinkedToGoals, levels, all);
    }
}

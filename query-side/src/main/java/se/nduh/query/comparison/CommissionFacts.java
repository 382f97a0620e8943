package se.nduh.query.comparison;

import se.nduh.kernel.commission.CommissionTerms;
import se.nduh.kernel.commission.FollowUpIndicator;
import se.nduh.kernel.commission.FollowUpLevel;
import se.nduh.kernel.commission.Goal;
import se.nduh.kernel.commission.PaymentModel;
import se.nduh.kernel.commission.Perspective;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedId;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the comparison publisher keeps of one commission: the shape of its terms (no texts), whether it was issued
 * and with warnings, the latest goal fulfilment of each follow-up indicator per period, and the values of its
 * population-perspective indicators that are linked to the shared catalogue.
 *
 * @param needIds         the needs the commission addresses: their group is the population behind a value
 * @param levels          the level of each follow-up indicator, by its id
 * @param catalogueCodes  the catalogue code of each population-perspective indicator linked to the catalogue, by its id
 * @param fulfilment      goal fulfilment by {@code indicatorId|period}
 * @param catalogueValues the values of those linked indicators by {@code indicatorId|period}
 */
record CommissionFacts(String region, int budgetYear, Set<String> needIds, boolean issued, boolean warned,
                       boolean preventive, boolean everyGoalFollowedUp, boolean populationPerspective,
                       boolean activePaymentLinkedToGoals, Map<String, FollowUpLevel> levels,
                       Map<String, String> catalogueCodes, Map<String, Fulfilment> fulfilment,
                       Map<String, CatalogueValue> catalogueValues) {

    record Fulfilment(FollowUpLevel level, String period, BigDecimal value) {
    }

    record CatalogueValue(String catalogueCode, String period, BigDecimal value) {
    }

    static CommissionFacts drafted(String region, CommissionTerms terms) {
        return new CommissionFacts(region, terms.roundId().budgetYear(), Set.of(), false, false, false, false, false, false,
                Map.of(), Map.of(), Map.of(), Map.of()).withTerms(terms);
    }

    CommissionFacts withTerms(CommissionTerms terms) {
        List<FollowUpIndicator> plan = terms.followUpPlan();
        boolean everyGoal = terms.goals().stream().map(Goal::goalId)
                .allMatch(goal -> plan.stream().anyMatch(indicator -> goal.equals(indicator.goalId())));
        PaymentModel payment = terms.payment();
        return new CommissionFacts(region, budgetYear, terms.needIds().stream().map(NeedId::value).collect(Collectors.toSet()),
                issued, warned,
                terms.kindsOfEffort().contains(KindOfEffort.PREVENTIVE) || terms.kindsOfEffort().contains(KindOfEffort.HEALTH_PROMOTING),
                everyGoal, plan.stream().anyMatch(indicator -> indicator.perspective() == Perspective.POPULATION),
                payment.kind() == PaymentModel.Kind.ACTIVE && !payment.linkedGoalIds().isEmpty(),
                plan.stream().collect(Collectors.toMap(indicator -> indicator.indicatorId().value(), FollowUpIndicator::level)),
                plan.stream().filter(indicator -> indicator.perspective() == Perspective.POPULATION && indicator.catalogueCode() != null)
                        .collect(Collectors.toMap(indicator -> indicator.indicatorId().value(), FollowUpIndicator::catalogueCode)),
                fulfilment, catalogueValues);
    }

    CommissionFacts issued(boolean withWarnings) {
        return new CommissionFacts(region, budgetYear, needIds, true, withWarnings, preventive, everyGoalFollowedUp,
                populationPerspective, activePaymentLinkedToGoals, levels, catalogueCodes, fulfilment, catalogueValues);
    }

    /**
     * An outcome: its goal fulfilment where the indicator measures a goal, its value where the indicator is one of
     * the catalogue's at population level; a correction replaces the period's earlier value.
     */
    CommissionFacts outcome(String indicatorId, String period, BigDecimal value, BigDecimal goalFulfilment) {
        String key = indicatorId + "|" + period;
        Map<String, Fulfilment> fulfilled = new HashMap<>(fulfilment);
        if (goalFulfilment != null) {
            fulfilled.put(key, new Fulfilment(levels.get(indicatorId), period, goalFulfilment));
        }
        Map<String, CatalogueValue> values = new HashMap<>(catalogueValues);
        if (catalogueCodes.containsKey(indicatorId)) {
            values.put(key, new CatalogueValue(catalogueCodes.get(indicatorId), period, value));
        }
        return new CommissionFacts(region, budgetYear, needIds, issued, warned, preventive, everyGoalFollowedUp,
                populationPerspective, activePaymentLinkedToGoals, levels, catalogueCodes, fulfilled, values);
    }
}

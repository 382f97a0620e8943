package se.nduh.kernel.commission;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a plan revision changes of an accepted commission: its goals, follow-up plan and payment. The provider, the
 * needs, the round and the timeline stay as accepted.
 */
public record RevisedPlan(List<Goal> goals, List<FollowUpIndicator> followUpPlan, PaymentModel payment) {

    public RevisedPlan {
        goals = List.copyOf(goals);
        followUpPlan = List.copyOf(followUpPlan);
    }

    /** The plan the terms carry now. */
    public static RevisedPlan of(CommissionTerms terms) {
        return new RevisedPlan(terms.goals(), terms.followUpPlan(), terms.payment());
    }

    /** The terms with this plan; a goal flagged beyond health care stays flagged while the plan keeps it. */
    public CommissionTerms applyTo(CommissionTerms terms) {
        Set<GoalId> kept = goals.stream().map(Goal::goalId).collect(Collectors.toSet());
        Set<GoalId> beyondCare = terms.goalsBeyondHealthCare().stream().filter(kept::contains).collect(Collectors.toSet());
        return new CommissionTerms(terms.roundId(), terms.needIds(), terms.provider(), terms.description(), terms.kindsOfEffort(),
                goals, terms.start(), terms.end(), followUpPlan, payment, beyondCare, terms.collaboration());
    }
}

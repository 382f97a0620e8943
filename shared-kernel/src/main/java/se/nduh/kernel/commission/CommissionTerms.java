package se.nduh.kernel.commission;

import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.priority.PriorityRoundId;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a commission says, as drafted and revised: the prioritised needs of a decided round it addresses,
 * the provider, the effort, its long-term goals, timeline, follow-up plan and payment model, which goals
 * the drafter flags as beyond what health care alone can move, and whether it is shared with other principals
 * (absent in terms stored before it was recorded: the region's own organisation).
 */
public record CommissionTerms(PriorityRoundId roundId, Set<NeedId> needIds, Provider provider, String description,
                              Set<KindOfEffort> kindsOfEffort, List<Goal> goals, LocalDate start, LocalDate end,
                              List<FollowUpIndicator> followUpPlan, PaymentModel payment,
                              Set<GoalId> goalsBeyondHealthCare, Collaboration collaboration) {

    public CommissionTerms {
        needIds = Set.copyOf(needIds);
        kindsOfEffort = KindOfEffort.setOf(kindsOfEffort);
        goals = List.copyOf(goals);
        followUpPlan = List.copyOf(followUpPlan);
        goalsBeyondHealthCare = goalsBeyondHealthCare == null ? Set.of() : Set.copyOf(goalsBeyondHealthCare);
        collaboration = collaboration == null ? Collaboration.OWN_ORGANISATION : collaboration;
    }
}

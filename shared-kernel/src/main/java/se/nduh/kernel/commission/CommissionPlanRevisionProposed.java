package se.nduh.kernel.commission;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

import java.util.Set;

/**
 * A revision of an accepted commission's plan was proposed: its number (1 for the commission's first proposal), the
 * revised plan with the warnings it would carry, the reason, the proposing user's id and side.
 */
@Revision("1")
public record CommissionPlanRevisionProposed(CommissionId commissionId, RegionCode region, int revision, RevisedPlan plan,
                                             Set<CommissionWarning> warnings, String reason, String proposedBy, PlanParty party) {

    public CommissionPlanRevisionProposed {
        warnings = Set.copyOf(warnings);
    }
}

package se.nduh.kernel.commission;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

import java.util.Set;

/**
 * The elected officials agreed to a plan revision: the commission's terms are now {@code terms}, as plan version
 * {@code planVersion} (1 as accepted, one more for each agreed revision), with their warnings.
 */
@Revision("1")
public record CommissionPlanRevisionAgreed(CommissionId commissionId, RegionCode region, int revision, int planVersion,
                                           CommissionTerms terms, Set<CommissionWarning> warnings, String agreedBy) {

    public CommissionPlanRevisionAgreed {
        warnings = Set.copyOf(warnings);
    }
}

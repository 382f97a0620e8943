package se.nduh.kernel.commission;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

/** The elected officials declined a plan revision, saying why; the plan stays as it was. */
@Revision("1")
public record CommissionPlanRevisionDeclined(CommissionId commissionId, RegionCode region, int revision, String reason,
                                             String declinedBy) {
}

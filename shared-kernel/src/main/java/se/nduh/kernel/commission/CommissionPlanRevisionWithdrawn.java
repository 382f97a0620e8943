package se.nduh.kernel.commission;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

/** The side that proposed a plan revision withdrew it; the plan stays as it was. */
@Revision("1")
public record CommissionPlanRevisionWithdrawn(CommissionId commissionId, RegionCode region, int revision, String withdrawnBy) {
}

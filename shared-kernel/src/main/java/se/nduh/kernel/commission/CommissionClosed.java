package se.nduh.kernel.commission;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

/** The commission was closed and evaluated. */
@Revision("1")
public record CommissionClosed(CommissionId commissionId, RegionCode region, Evaluation evaluation, String why) {
}

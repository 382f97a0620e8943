package se.nduh.kernel.commission;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

/** The provider accepted the commission. */
@Revision("1")
public record CommissionAccepted(CommissionId commissionId, RegionCode region) {
}

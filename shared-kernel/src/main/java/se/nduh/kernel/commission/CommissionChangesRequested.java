package se.nduh.kernel.commission;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

/** The provider asked for changes; the commission is a draft again. */
@Revision("1")
public record CommissionChangesRequested(CommissionId commissionId, RegionCode region, String requestedChanges) {
}

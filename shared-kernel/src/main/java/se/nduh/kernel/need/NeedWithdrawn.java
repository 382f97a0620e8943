package se.nduh.kernel.need;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

/** The need was withdrawn. */
@Revision("1")
public record NeedWithdrawn(NeedId needId, RegionCode region, String reason) {
}

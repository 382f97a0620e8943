package se.nduh.kernel.need;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;

/** The target was set; the health gap it leaves is derived once, here. */
@Revision("1")
public record HealthTargetSet(NeedId needId, RegionCode region, BigDecimal target, int targetYear, HealthGap gap) {
}

package se.nduh.kernel.need;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;

/**
 * The target was set; the health gap it leaves is derived once, here. {@code targetGroupGap} is the gap between
 * the groups of the need's equity breakdown the target aims for, {@code null} when it aims at none (and in every
 * event stored before targets could: the field is optional, so revision 1 reads as it always did).
 */
@Revision("1")
public record HealthTargetSet(NeedId needId, RegionCode region, BigDecimal target, int targetYear, HealthGap gap,
                              BigDecimal targetGroupGap) {

    /** A target that does not aim at the gap between groups. */
    public HealthTargetSet(NeedId needId, RegionCode region, BigDecimal target, int targetYear, HealthGap gap) {
        this(needId, region, target, targetYear, gap, null);
    }
}

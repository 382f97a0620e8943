package se.nduh.kernel.need;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

/** The need was assessed (a later assessment replaces the earlier one). */
@Revision("1")
public record NeedAssessed(NeedId needId, RegionCode region, NeedAssessment assessment) {
}

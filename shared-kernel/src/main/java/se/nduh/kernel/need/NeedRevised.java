package se.nduh.kernel.need;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

import java.util.Set;

/** The need was revised; the gap to its target, if one is set, is derived anew. */
@Revision("1")
public record NeedRevised(NeedId needId, RegionCode region, String title, String description, NeedGroup needGroup, Set<KindOfEffort> kindsOfEffort, HealthIndicator indicator, String change, String reason, HealthGap gap) {

    public NeedRevised {
        kindsOfEffort = KindOfEffort.setOf(kindsOfEffort);
    }
}

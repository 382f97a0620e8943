package se.nduh.kernel.need;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

import java.util.Set;

/** A need was described for the region; its time is the event's own timestamp. */
@Revision("1")
public record NeedProposed(NeedId needId, RegionCode region, String title, String description, NeedGroup needGroup,
                           Set<KindOfEffort> kindsOfEffort, HealthIndicator indicator) {

    public NeedProposed {
        kindsOfEffort = KindOfEffort.setOf(kindsOfEffort);
    }
}

package se.nduh.kernel.need;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

import java.util.Set;

/**
 * A need was described for the region, in the needs analysis of a budget year; its time is the event's own
 * timestamp. Needs stored before budget years were recorded have none ({@code null}): their year is the
 * year of their timestamp.
 */
@Revision("1")
public record NeedProposed(NeedId needId, RegionCode region, String title, String description, NeedGroup needGroup,
                           Set<KindOfEffort> kindsOfEffort, HealthIndicator indicator, Integer budgetYear) {

    public NeedProposed {
        kindsOfEffort = KindOfEffort.setOf(kindsOfEffort);
    }
}

package se.nduh.kernel.need;

import se.nduh.kernel.region.RegionCode;

import java.util.Set;

/**
 * A civil servant describes a population need (behov) of the region, for the needs analysis of a budget year.
 */
public record ProposeNeed(NeedId needId, RegionCode region, String title, String description, NeedGroup needGroup,
                          Set<KindOfEffort> kindsOfEffort, HealthIndicator indicator, int budgetYear) {

    public ProposeNeed {
        kindsOfEffort = KindOfEffort.setOf(kindsOfEffort);
    }
}

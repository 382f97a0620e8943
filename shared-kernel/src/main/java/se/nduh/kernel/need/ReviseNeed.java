package se.nduh.kernel.need;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

import java.util.Set;

/** A civil servant revises the need's description, saying what changed and why. */
public record ReviseNeed(NeedId needId, RegionCode region, String title, String description, NeedGroup needGroup, Set<KindOfEffort> kindsOfEffort, HealthIndicator indicator, String change, String reason, Long expectedVersion) implements AggregateCommand {

    public ReviseNeed {
        kindsOfEffort = KindOfEffort.setOf(kindsOfEffort);
    }

    @Override
    public String targetAggregateId() {
        return needId.value();
    }
}

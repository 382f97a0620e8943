package se.nduh.kernel.need;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

/**
 * A civil servant describes how the need's indicator differs between groups of the population (jämlik hälsa); a
 * later description replaces the earlier one.
 */
public record DescribeHealthInequity(NeedId needId, RegionCode region, HealthInequity inequity, Long expectedVersion)
        implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return needId.value();
    }
}

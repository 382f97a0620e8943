package se.nduh.kernel.need;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;

/**
 * The elected officials set the target for the need's indicator and the year it should be reached; optionally
 * also the gap between the groups of its equity breakdown they aim for by then ({@code targetGroupGap}, absolute,
 * in the indicator's unit; {@code null} when the target does not aim at the gap).
 */
public record SetHealthTarget(NeedId needId, RegionCode region, BigDecimal target, int targetYear, BigDecimal targetGroupGap,
                              Long expectedVersion) implements AggregateCommand {

    /** A target that does not aim at the gap between groups. */
    public SetHealthTarget(NeedId needId, RegionCode region, BigDecimal target, int targetYear, Long expectedVersion) {
        this(needId, region, target, targetYear, null, expectedVersion);
    }

    @Override
    public String targetAggregateId() {
        return needId.value();
    }
}

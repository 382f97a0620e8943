package se.nduh.kernel.need;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;

/** The elected officials set the target for the need's indicator and the year it should be reached. */
public record SetHealthTarget(NeedId needId, RegionCode region, BigDecimal target, int targetYear, Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return needId.value();
    }
}

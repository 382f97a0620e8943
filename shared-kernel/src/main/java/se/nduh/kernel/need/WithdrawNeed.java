package se.nduh.kernel.need;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

/** A civil servant withdraws the need, saying why; it then takes no further commands. */
public record WithdrawNeed(NeedId needId, RegionCode region, String reason, Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return needId.value();
    }
}

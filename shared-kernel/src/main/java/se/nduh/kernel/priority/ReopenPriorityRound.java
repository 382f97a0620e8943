package se.nduh.kernel.priority;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

/** The elected officials reopen a decided round, saying why; the next ranking is a new version. */
public record ReopenPriorityRound(PriorityRoundId roundId, RegionCode region, String reason, Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return roundId.value();
    }
}

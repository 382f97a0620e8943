package se.nduh.kernel.priority;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

import java.util.List;

/** The elected officials rank the round's needs: the complete ordered list, each with its level and rationale. */
public record RankPriorities(PriorityRoundId roundId, RegionCode region, List<RankedNeed> ranking, Long expectedVersion) implements AggregateCommand {

    public RankPriorities {
        ranking = List.copyOf(ranking);
    }

    @Override
    public String targetAggregateId() {
        return roundId.value();
    }
}

package se.nduh.kernel.priority;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

import java.time.LocalDate;
import java.util.List;

/** The elected body decides the ranking, with the resources allocated and the needs not prioritised (icke-göra). */
public record DecidePriorities(PriorityRoundId roundId, RegionCode region, String decidedBy, LocalDate decisionDate, String minutesReference, List<Allocation> allocations, List<NotPrioritised> notPrioritised, Long expectedVersion) implements AggregateCommand {

    public DecidePriorities {
        allocations = List.copyOf(allocations);
        notPrioritised = List.copyOf(notPrioritised);
    }

    @Override
    public String targetAggregateId() {
        return roundId.value();
    }
}

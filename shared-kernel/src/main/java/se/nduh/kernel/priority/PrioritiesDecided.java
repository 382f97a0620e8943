package se.nduh.kernel.priority;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

import java.time.LocalDate;
import java.util.List;

/** The ranking was decided. */
@Revision("1")
public record PrioritiesDecided(PriorityRoundId roundId, RegionCode region, int rankingVersion, String decidedBy, LocalDate decisionDate, String minutesReference, List<Allocation> allocations, List<NotPrioritised> notPrioritised) {

    public PrioritiesDecided {
        allocations = List.copyOf(allocations);
        notPrioritised = List.copyOf(notPrioritised);
    }
}

package se.nduh.kernel.priority;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

import java.util.List;

/** A new version of the ranking; no version is ever overwritten. */
@Revision("1")
public record PrioritiesRanked(PriorityRoundId roundId, RegionCode region, int rankingVersion, List<RankedNeed> ranking) {

    public PrioritiesRanked {
        ranking = List.copyOf(ranking);
    }
}

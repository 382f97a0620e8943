package se.nduh.kernel.priority;

import se.nduh.kernel.region.RegionCode;

/** The elected officials open the region's priority round for a budget year. */
public record OpenPriorityRound(PriorityRoundId roundId, RegionCode region, int budgetYear) {
}

package se.nduh.kernel.priority;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

/** The round was opened. */
@Revision("1")
public record PriorityRoundOpened(PriorityRoundId roundId, RegionCode region, int budgetYear) {
}

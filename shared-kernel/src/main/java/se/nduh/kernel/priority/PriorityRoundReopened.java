package se.nduh.kernel.priority;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

/** The decided round was reopened. */
@Revision("1")
public record PriorityRoundReopened(PriorityRoundId roundId, RegionCode region, String reason) {
}

package se.nduh.kernel.priority;

import se.nduh.kernel.need.NeedId;

/** An assessed care need explicitly left out of the round (icke-göra), with the reason. */
public record NotPrioritised(NeedId needId, String reason) {
}

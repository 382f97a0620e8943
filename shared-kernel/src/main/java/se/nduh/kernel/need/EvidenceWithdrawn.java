package se.nduh.kernel.need;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

/** Evidence was withdrawn; it stays in the history. */
@Revision("1")
public record EvidenceWithdrawn(NeedId needId, RegionCode region, EvidenceId evidenceId, String reason) {
}

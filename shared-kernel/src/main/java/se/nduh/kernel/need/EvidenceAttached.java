package se.nduh.kernel.need;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

/** Evidence was attached to the need. */
@Revision("1")
public record EvidenceAttached(NeedId needId, RegionCode region, EvidenceId evidenceId, EvidenceKind kind, String source, String description, int dataQuality, int politicalWeight) {
}

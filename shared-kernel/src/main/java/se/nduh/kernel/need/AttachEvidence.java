package se.nduh.kernel.need;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

/** A civil servant attaches evidence to the need, rated for data quality and political weight (1-5). */
public record AttachEvidence(NeedId needId, RegionCode region, EvidenceId evidenceId, EvidenceKind kind, String source, String description, int dataQuality, int politicalWeight, Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return needId.value();
    }
}

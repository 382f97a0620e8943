package se.nduh.kernel.need;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

/** A civil servant withdraws evidence, saying why. */
public record WithdrawEvidence(NeedId needId, RegionCode region, EvidenceId evidenceId, String reason, Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return needId.value();
    }
}

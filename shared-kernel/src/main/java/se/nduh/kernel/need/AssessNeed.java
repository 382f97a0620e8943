package se.nduh.kernel.need;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

/** A civil servant assesses the need: care need or not, and the grades ranking may use. */
public record AssessNeed(NeedId needId, RegionCode region, NeedAssessment assessment, Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return needId.value();
    }
}

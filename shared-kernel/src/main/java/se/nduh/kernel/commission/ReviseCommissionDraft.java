package se.nduh.kernel.commission;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

/** Civil servants revise a draft, for instance after the provider asked for changes. */
public record ReviseCommissionDraft(CommissionId commissionId, RegionCode region, CommissionTerms terms, Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return commissionId.value();
    }
}

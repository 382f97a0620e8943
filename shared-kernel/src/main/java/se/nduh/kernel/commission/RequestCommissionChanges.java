package se.nduh.kernel.commission;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

/** The provider asks for changes before accepting, saying which. */
public record RequestCommissionChanges(CommissionId commissionId, RegionCode region, String requestedChanges, Provider actingProvider, Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return commissionId.value();
    }
}

package se.nduh.kernel.commission;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

/** The provider accepts the commission addressed to it; {@code actingProvider} is set from the signed-in user. */
public record AcceptCommission(CommissionId commissionId, RegionCode region, Provider actingProvider, Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return commissionId.value();
    }
}

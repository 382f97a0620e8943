package se.nduh.kernel.commission;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

/**
 * The side that proposed a plan revision withdraws it; {@code actingProvider} is set from the signed-in user as for
 * {@link ProposePlanRevision} and {@code withdrawnBy} is the signed-in user's id.
 */
public record WithdrawPlanRevision(CommissionId commissionId, RegionCode region, String withdrawnBy, Provider actingProvider,
                                   Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return commissionId.value();
    }
}

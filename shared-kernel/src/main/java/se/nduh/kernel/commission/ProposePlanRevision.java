package se.nduh.kernel.commission;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

/**
 * Either side proposes to revise the plan of an accepted commission ("Behöver planen revideras?"), with its reason;
 * {@code actingProvider} is set from the signed-in user (the provider proposing it, or {@code null} for the region's
 * civil servants) and {@code proposedBy} is the signed-in user's id.
 */
public record ProposePlanRevision(CommissionId commissionId, RegionCode region, RevisedPlan plan, String reason,
                                  String proposedBy, Provider actingProvider, Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return commissionId.value();
    }
}

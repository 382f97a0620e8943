package se.nduh.kernel.commission;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

/** The region's elected officials decline the proposed plan revision, saying why; {@code declinedBy} is the signed-in user's id. */
public record DeclinePlanRevision(CommissionId commissionId, RegionCode region, String reason, String declinedBy, Long expectedVersion)
        implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return commissionId.value();
    }
}

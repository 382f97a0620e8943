package se.nduh.kernel.commission;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

/** The region's elected officials agree to the proposed plan revision; {@code agreedBy} is the signed-in user's id. */
public record AgreePlanRevision(CommissionId commissionId, RegionCode region, String agreedBy, Long expectedVersion)
        implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return commissionId.value();
    }
}

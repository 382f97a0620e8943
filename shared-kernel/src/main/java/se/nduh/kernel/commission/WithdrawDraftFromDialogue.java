package se.nduh.kernel.commission;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

/**
 * Civil servants withdraw the draft sent for dialogue that the provider has not answered, saying why, so that it can
 * be revised or issued; {@code withdrawnBy} is the signed-in user's id.
 */
public record WithdrawDraftFromDialogue(CommissionId commissionId, RegionCode region, String reason, String withdrawnBy,
                                        Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return commissionId.value();
    }
}

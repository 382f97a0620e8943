package se.nduh.kernel.commission;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

/** Civil servants send the draft to its provider for dialogue (dialog kring förslaget till uppdrag), before the decision. */
public record SendDraftForDialogue(CommissionId commissionId, RegionCode region, Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return commissionId.value();
    }
}

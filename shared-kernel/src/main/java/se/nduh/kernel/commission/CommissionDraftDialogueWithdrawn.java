package se.nduh.kernel.commission;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

/** The region withdrew a round of the dialogue before the provider answered it, saying why. */
@Revision("1")
public record CommissionDraftDialogueWithdrawn(CommissionId commissionId, RegionCode region, int round, int draftVersion,
                                               String reason, String withdrawnBy) {
}

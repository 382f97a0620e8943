package se.nduh.kernel.commission;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

/**
 * The draft was sent to its provider for dialogue: the dialogue's round (1 for the first), the draft's version
 * (1 as drafted, one more for each revision) and the terms as sent, so that the record shows what the provider
 * answered to without replaying the revisions.
 */
@Revision("1")
public record CommissionDraftSentForDialogue(CommissionId commissionId, RegionCode region, int round, int draftVersion,
                                             CommissionTerms terms) {
}

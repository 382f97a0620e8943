package se.nduh.kernel.commission;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

import java.util.List;

/** The provider answered a round of the dialogue on the draft version it was sent. */
@Revision("1")
public record CommissionDraftDialogueAnswered(CommissionId commissionId, RegionCode region, int round, int draftVersion,
                                              String comments, List<ProposedChange> proposedChanges) {

    public CommissionDraftDialogueAnswered {
        proposedChanges = proposedChanges == null ? List.of() : List.copyOf(proposedChanges);
    }
}

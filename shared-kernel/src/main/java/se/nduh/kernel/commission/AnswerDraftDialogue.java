package se.nduh.kernel.commission;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

import java.util.List;

/**
 * The provider answers the draft sent to it for dialogue, with comments and proposed changes to its terms;
 * {@code actingProvider} is set from the signed-in user.
 */
public record AnswerDraftDialogue(CommissionId commissionId, RegionCode region, String comments,
                                  List<ProposedChange> proposedChanges, Provider actingProvider, Long expectedVersion)
        implements AggregateCommand {

    public AnswerDraftDialogue {
        proposedChanges = proposedChanges == null ? List.of() : List.copyOf(proposedChanges);
    }

    @Override
    public String targetAggregateId() {
        return commissionId.value();
    }
}

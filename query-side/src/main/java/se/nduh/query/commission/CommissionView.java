package se.nduh.query.commission;

import io.swagger.v3.oas.annotations.media.Schema;
import se.nduh.kernel.commission.CommissionTerms;
import se.nduh.kernel.commission.CommissionWarning;
import se.nduh.kernel.commission.Evaluation;
import se.nduh.kernel.commission.EvaluationFindings;
import se.nduh.kernel.commission.ProposedChange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A commission as the board keeps it: its terms (with whether it is shared with other principals), status, warnings,
 * the draft's version and the dialogue on it before the decision, the decision, the provider's answers and closure,
 * with the evaluation's findings (success factors, obstacles, lessons) that an experience can be shared from.
 */
public record CommissionView(String id, String region, CommissionTerms terms, Status status, Set<CommissionWarning> warnings,
                             String issuedBy, LocalDate issuedOn, List<ChangeRequest> changeRequests,
                             @Schema(description = "The version of the terms: 1 as drafted, one more for each revision")
                             Integer draftVersion,
                             @Schema(description = "The rounds of dialogue with the provider before the decision, first round first")
                             List<DialogueRound> dialogue,
                             Evaluation evaluation, String evaluationReason, EvaluationFindings findings,
                             Instant draftedAt, Instant lastChangedAt) {

    public enum Status { DRAFT, ISSUED, ACCEPTED, CLOSED }

    /** A board document kept before the dialogue existed has none. */
    public CommissionView {
        dialogue = dialogue == null ? List.of() : dialogue;
    }

    public record ChangeRequest(Instant at, String requestedChanges) {
    }

    @Schema(description = "One round of dialogue: the draft version and terms sent, and the provider's answer (absent while awaited)")
    public record DialogueRound(int round, int draftVersion, CommissionTerms terms, Instant sentAt,
                                Instant answeredAt, String comments, List<ProposedChange> proposedChanges) {
    }
}

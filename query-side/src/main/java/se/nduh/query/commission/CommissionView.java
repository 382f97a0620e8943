package se.nduh.query.commission;

import io.swagger.v3.oas.annotations.media.Schema;
import se.nduh.kernel.commission.CommissionTerms;
import se.nduh.kernel.commission.CommissionWarning;
import se.nduh.kernel.commission.Evaluation;
import se.nduh.kernel.commission.EvaluationFindings;
import se.nduh.kernel.commission.PlanParty;
import se.nduh.kernel.commission.ProposedChange;
import se.nduh.kernel.commission.RevisedPlan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A commission as the board keeps it: its terms (with whether it is shared with other principals), status, warnings,
 * the draft's version and the dialogue on it before the decision, the decision, the provider's answers and closure,
 * with the evaluation's findings (success factors, obstacles, lessons) that an experience can be shared from, and during
 * follow-up the plan's version and the revisions proposed to it.
 */
public record CommissionView(String id, String region, CommissionTerms terms, Status status, Set<CommissionWarning> warnings,
                             String issuedBy, LocalDate issuedOn, List<ChangeRequest> changeRequests,
                             @Schema(description = "The version of the terms: 1 as drafted, one more for each revision")
                             Integer draftVersion,
                             @Schema(description = "The rounds of dialogue with the provider before the decision, first round first")
                             List<DialogueRound> dialogue,
                             Evaluation evaluation, String evaluationReason, EvaluationFindings findings,
                             Instant draftedAt, Instant lastChangedAt,
                             @Schema(description = "When the provider accepted the commission, which made its plan version 1")
                             Instant acceptedAt,
                             @Schema(description = "The version of the plan followed up: 1 as accepted, one more for each agreed revision; absent before acceptance")
                             Integer planVersion,
                             @Schema(description = "Every proposed revision of the plan during follow-up, first first, with how it was settled")
                             List<PlanRevision> planRevisions) {

    public enum Status { DRAFT, ISSUED, ACCEPTED, CLOSED }

    /** A board document kept before the dialogue existed has none. */
    public CommissionView {
        dialogue = dialogue == null ? List.of() : dialogue;
        planRevisions = planRevisions == null ? List.of() : planRevisions;
    }

    public record ChangeRequest(Instant at, String requestedChanges) {
    }

    @Schema(description = "One round of dialogue: the draft version and terms sent, and the provider's answer (absent while awaited), "
            + "or when and why the region withdrew it unanswered")
    public record DialogueRound(int round, int draftVersion, CommissionTerms terms, Instant sentAt,
                                Instant answeredAt, String comments, List<ProposedChange> proposedChanges,
                                Instant withdrawnAt, String withdrawalReason, String withdrawnBy) {
    }

    public enum PlanRevisionStatus { OPEN, AGREED, DECLINED, WITHDRAWN }

    @Schema(description = "A proposed revision of the plan: the revised goals, follow-up plan and payment with the warnings they "
            + "carry, why, who proposed it (user id) for which side, and how it was settled: by whom (user id), when, the "
            + "plan version it made if agreed, the reason if declined")
    public record PlanRevision(int revision, RevisedPlan plan, Set<CommissionWarning> warnings, String reason, String proposedBy,
                               PlanParty party, Instant proposedAt, PlanRevisionStatus status, String settledBy, Instant settledAt,
                               Integer planVersion, String declineReason) {
    }
}

package se.nduh.query.commission;

import se.nduh.kernel.commission.CommissionTerms;
import se.nduh.kernel.commission.CommissionWarning;
import se.nduh.kernel.commission.Evaluation;
import se.nduh.kernel.commission.EvaluationFindings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A commission as the board keeps it: its terms, status, warnings, decision, the provider's answers and closure, with
 * the evaluation's findings (success factors, obstacles, lessons) that an experience can be shared from.
 */
public record CommissionView(String id, String region, CommissionTerms terms, Status status, Set<CommissionWarning> warnings,
                             String issuedBy, LocalDate issuedOn, List<ChangeRequest> changeRequests,
                             Evaluation evaluation, String evaluationReason, EvaluationFindings findings,
                             Instant draftedAt, Instant lastChangedAt) {

    public enum Status { DRAFT, ISSUED, ACCEPTED, CLOSED }

    public record ChangeRequest(Instant at, String requestedChanges) {
    }
}

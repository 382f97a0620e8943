package se.nduh.query.audit;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import se.nduh.kernel.need.NeedState;
import se.nduh.kernel.priority.PriorityRoundState;

import java.time.Instant;
import java.util.List;

/** What the audit endpoints answer. */
final class AuditAnswers {

    private AuditAnswers() {
    }

    @Schema(description = "A priority round as it stood: ranking, decision, icke-göra, and each of its needs as it stood then")
    record RoundAsOf(
            @Schema(description = "The instant replayed to: the one asked for, or that of the version's event") Instant asOf,
            @Schema(description = "The round's version then: the sequence number of its latest event") long version,
            @Schema(description = "When that latest event was stored") Instant changedAt,
            @JsonUnwrapped PriorityRoundState round,
            @Schema(description = "Every need ranked or left out (icke-göra), as it stood at asOf") List<NeedAsOf> needs) {
    }

    @Schema(description = "A need as it stood: gap, target, assessment and grades, evidence (withdrawn marked)")
    record NeedAsOf(
            @Schema(description = "The need's version then: the sequence number of its latest event") long version,
            @Schema(description = "When that latest event was stored") Instant changedAt,
            @JsonUnwrapped NeedState need) {
    }

    @Schema(description = "A need as it stood, with every change up to then")
    record NeedReplay(Instant asOf, NeedAsOf need, List<TimelineEntry> timeline) {
    }

    @Schema(description = "One change: when, by which command, by whom, and the stored event itself")
    record TimelineEntry(
            Instant at,
            @Schema(description = "PriorityRound or Need") String aggregateType,
            String aggregateId,
            @Schema(description = "The aggregate's version after this change") long version,
            @Schema(description = "The command that made the change; for events stored before commands were named, the event's name") String command,
            String event,
            String userId,
            @Schema(description = "The user's name from the user directory, where it has one; events keep ids only") String userName,
            String role,
            String region,
            String correlationId,
            @Schema(description = "The stored event's content") Object details) {
    }
}

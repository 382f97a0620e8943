package se.nduh.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import se.nduh.infrastructure.eventstore.ChainVerifier;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.priority.PrioritiesDecided;
import se.nduh.kernel.rule.Rule;
import se.nduh.query.audit.AggregateHistory.Recorded;
import se.nduh.query.audit.AuditAnswers.RoundAsOf;
import se.nduh.query.audit.AuditAnswers.TimelineEntry;
import se.nduh.query.audit.ChainCheckpoints.CheckpointCheck;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The audit report of one decision of a priority round: the round and its needs as decided, who decided it in the
 * platform and when, what changed since the round's decision before (if it was reopened), every change up to the
 * decision, and whether the record it rests on is untouched.
 */
@Component
class DecisionReports {

    @Schema(description = "The audit report of one decision of a priority round")
    record DecisionReport(
            @Schema(description = "The report's stable address") String link,
            Instant producedAt, String region, String roundId,
            @Schema(description = "Which decision of the round, 1 for the first") int decision,
            @Schema(description = "How many decisions the round has had") int decisions,
            @Schema(description = "The change that recorded the decision: when, by whom, in which role") TimelineEntry decisionRecorded,
            @Schema(description = "The round and each of its needs as they stood when decided") RoundAsOf asDecided,
            @Schema(description = "What changed in the ranking since the decision before; absent for the first") RankingDiff sincePreviousDecision,
            @Schema(description = "Every change of the round and its needs up to the decision, oldest first") List<TimelineEntry> timeline,
            Integrity integrity) {
    }

    /**
     * @param intact     the round's and its needs' chains are whole and the checkpoint holds
     * @param checkpoint the region's latest checkpoint, checked; absent while the region has none
     */
    @Schema(description = "Whether the record the decision rests on is untouched")
    record Integrity(boolean intact, long events, long eventsBeforeChain, List<ChainVerifier.Break> breaks, CheckpointCheck checkpoint) {
    }

    private final AuditTrail audit;
    private final ChainCheckpoints checkpoints;

    DecisionReports(AuditTrail audit, ChainCheckpoints checkpoints) {
        this.audit = audit;
        this.checkpoints = checkpoints;
    }

    Mono<DecisionReport> report(String region, String roundId, int decision, String link) {
        return audit.roundHistory(region, roundId).flatMap(round -> {
            List<Recorded> decisions = round.events().stream().filter(recorded -> recorded.event() instanceof PrioritiesDecided).toList();
            if (decision > decisions.size()) {
                throw Rule.ReplayPointNotInHistory.violation("decision");
            }
            Recorded decided = decisions.get(decision - 1);
            Mono<RankingDiff> sincePrevious = decision == 1 ? Mono.empty()
                    : audit.diff(region, roundId, rankingVersionOf(decisions.get(decision - 2)), rankingVersionOf(decided));
            Set<NeedId> needs = AuditTrail.everyNeedOf(round.through(decided.version()));
            return Mono.zip(audit.round(region, roundId, ReplayPoint.atVersion(decided.version())),
                            audit.needHistories(needs, region),
                            sincePrevious.map(List::of).defaultIfEmpty(List.of()),
                            integrity(region, roundId, needs))
                    .map(parts -> new DecisionReport(link, Instant.now(), region, roundId, decision, decisions.size(),
                            audit.entry(decided), parts.getT1(), parts.getT3().isEmpty() ? null : parts.getT3().get(0),
                            audit.timeline(round.through(decided.version()), parts.getT2(), decided.at()), parts.getT4()));
        });
    }

    private static int rankingVersionOf(Recorded decision) {
        return ((PrioritiesDecided) decision.event()).rankingVersion();
    }

    /** The chains of the round and its needs, and the region's latest checkpoint; both read the store directly. */
    private Mono<Integrity> integrity(String region, String roundId, Set<NeedId> needs) {
        return Mono.fromCallable(() -> {
            List<String> aggregates = new ArrayList<>(List.of(roundId));
            needs.forEach(need -> aggregates.add(need.value()));
            ChainVerifier.Result chains = checkpoints.verifier().verifyAggregates(region, aggregates);
            CheckpointCheck checkpoint = checkpoints.find(region, null).map(checkpoints::check).orElse(null);
            return new Integrity(chains.intact() && (checkpoint == null || checkpoint.holds()), chains.events(),
                    chains.eventsBeforeChain(), chains.breaks(), checkpoint);
        }).subscribeOn(Schedulers.boundedElastic());
    }
}

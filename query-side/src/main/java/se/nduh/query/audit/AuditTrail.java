package se.nduh.query.audit;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.eventstore.EventStoreConfiguration;
import se.nduh.infrastructure.security.UserDirectory;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.need.NeedState;
import se.nduh.kernel.priority.PrioritiesRanked;
import se.nduh.kernel.priority.PriorityRoundOpened;
import se.nduh.kernel.priority.PriorityRoundState;
import se.nduh.kernel.rule.Rule;
import se.nduh.query.audit.AggregateHistory.Recorded;
import se.nduh.query.audit.AuditAnswers.NeedAsOf;
import se.nduh.query.audit.AuditAnswers.NeedReplay;
import se.nduh.query.audit.AuditAnswers.RoundAsOf;
import se.nduh.query.audit.AuditAnswers.TimelineEntry;
import se.nduh.query.readmodel.Page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rounds and needs replayed from their own events through the kernel's states, their timelines and the diff of
 * two ranking versions. Another region's round or need is refused exactly like an id that exists nowhere.
 */
@Component
class AuditTrail {

    private final EventHistories histories;
    private final UserDirectory users;

    AuditTrail(EventHistories histories, UserDirectory users) {
        this.histories = histories;
        this.users = users;
    }

    Mono<RoundAsOf> round(String region, String roundId, ReplayPoint point) {
        return roundHistory(region, roundId).flatMap(history -> {
            AggregateHistory upTo = point.of(history);
            Instant asOf = point.instant(upTo);
            PriorityRoundState round = upTo.fold(AuditTrail::opened, PriorityRoundState::evolve);
            return needsAsOf(round.needs(), region, asOf)
                    .map(needs -> new RoundAsOf(asOf, upTo.last().version(), upTo.last().at(), round, needs));
        });
    }

    /** Every change of the round and of every need it ever ranked or left out, oldest first. */
    Mono<Page<TimelineEntry>> timeline(String region, String roundId, int page, int size) {
        return roundHistory(region, roundId).flatMap(round -> needHistories(everyNeedOf(round), region).map(needs -> {
            List<Recorded> changes = changes(round, needs);
            int from = Math.min(page * size, changes.size());
            List<TimelineEntry> entries = changes.subList(from, Math.min(from + size, changes.size())).stream().map(this::entry).toList();
            return new Page<>(entries, page, size, changes.size());
        }));
    }

    /** Every change of the round and of its needs up to the instant, oldest first. */
    List<TimelineEntry> timeline(AggregateHistory round, List<AggregateHistory> needs, Instant until) {
        return changes(round, needs).stream().filter(change -> !change.at().isAfter(until)).map(this::entry).toList();
    }

    private static List<Recorded> changes(AggregateHistory round, List<AggregateHistory> needs) {
        List<Recorded> changes = new ArrayList<>(round.events());
        needs.forEach(need -> changes.addAll(need.events()));
        // A stable sort by time keeps each aggregate's own events in the order of their versions.
        changes.sort(Comparator.comparing(Recorded::at));
        return changes;
    }

    Mono<RankingDiff> diff(String region, String roundId, int from, int to) {
        return roundHistory(region, roundId).map(history -> {
            Map<Integer, RankingDiff.Version> versions = rankingVersions(history);
            if (!versions.containsKey(from)) {
                throw Rule.ReplayPointNotInHistory.violation("from");
            }
            if (!versions.containsKey(to)) {
                throw Rule.ReplayPointNotInHistory.violation("to");
            }
            return RankingDiff.between(versions.get(from), versions.get(to));
        });
    }

    Mono<NeedReplay> need(String region, String needId, ReplayPoint point) {
        return histories.of(needId).map(history -> {
            if (!isNeedOf(history, region)) {
                throw Rule.NeedNotInRegion.violation("needId");
            }
            AggregateHistory upTo = point.of(history);
            return new NeedReplay(point.instant(upTo), needAsOf(upTo), upTo.events().stream().map(this::entry).toList());
        });
    }

    Mono<AggregateHistory> roundHistory(String region, String roundId) {
        return histories.of(roundId).map(history -> {
            if (history.isEmpty() || !(history.firstEvent() instanceof PriorityRoundOpened opened)
                    || !opened.region().value().equals(region)) {
                throw Rule.PriorityRoundNotInRegion.violation("roundId");
            }
            return history;
        });
    }

    private Mono<List<NeedAsOf>> needsAsOf(Collection<NeedId> needs, String region, Instant asOf) {
        return needHistories(needs, region).map(found -> found.stream()
                .map(history -> history.until(asOf))
                .filter(history -> !history.isEmpty())
                .map(AuditTrail::needAsOf)
                .toList());
    }

    /** The needs' histories, each read by its own lookups; an id that is not a need of the region is left out. */
    Mono<List<AggregateHistory>> needHistories(Collection<NeedId> needs, String region) {
        return Flux.fromIterable(needs).concatMap(need -> histories.of(need.value()))
                .filter(history -> isNeedOf(history, region))
                .collectList();
    }

    static Set<NeedId> everyNeedOf(AggregateHistory round) {
        Set<NeedId> needs = new LinkedHashSet<>();
        round.states(AuditTrail::opened, PriorityRoundState::evolve).forEach(state -> needs.addAll(state.needs()));
        return needs;
    }

    static Map<Integer, RankingDiff.Version> rankingVersions(AggregateHistory round) {
        List<PriorityRoundState> states = round.states(AuditTrail::opened, PriorityRoundState::evolve);
        Map<Integer, RankingDiff.Version> versions = new HashMap<>();
        for (int i = 0; i < states.size(); i++) {
            if (round.events().get(i).event() instanceof PrioritiesRanked) {
                PriorityRoundState state = states.get(i);
                versions.put(state.rankingVersion(), new RankingDiff.Version(state.rankingVersion(), round.events().get(i).at(), state.ranking()));
            }
        }
        return versions;
    }

    private static boolean isNeedOf(AggregateHistory history, String region) {
        return !history.isEmpty() && history.firstEvent() instanceof NeedProposed proposed && proposed.region().value().equals(region);
    }

    private static NeedAsOf needAsOf(AggregateHistory need) {
        return new NeedAsOf(need.last().version(), need.last().at(),
                need.fold(event -> NeedState.proposed((NeedProposed) event), NeedState::evolve));
    }

    private static PriorityRoundState opened(Object event) {
        return PriorityRoundState.opened((PriorityRoundOpened) event);
    }

    TimelineEntry entry(Recorded recorded) {
        String event = recorded.event().getClass().getSimpleName();
        String command = text(recorded, EventStoreConfiguration.COMMAND_NAME);
        String userId = text(recorded, EventStoreConfiguration.USER_ID);
        return new TimelineEntry(recorded.at(), recorded.aggregateType(), recorded.aggregateId(), recorded.version(),
                command == null ? event : command, event, userId,
                userId == null ? null : users.displayName(userId).orElse(null),
                text(recorded, EventStoreConfiguration.ROLE), text(recorded, EventStoreConfiguration.REGION),
                text(recorded, EventStoreConfiguration.CORRELATION_ID), recorded.event());
    }

    private static String text(Recorded recorded, String key) {
        Object value = recorded.metaData().get(key);
        return value == null ? null : value.toString();
    }
}

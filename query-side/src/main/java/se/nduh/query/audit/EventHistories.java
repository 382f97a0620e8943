package se.nduh.query.audit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import se.nduh.query.audit.AggregateHistory.Recorded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an aggregate's history from the event store, keeping the recent ones: an aggregate's events are only ever
 * appended, so a history read before needs only the events stored since — one lookup when there are none. An
 * auditor stepping through a round's dates replays the same histories again and again.
 */
@Component
class EventHistories {

    /** At most this many events are kept, of the histories read last; each for ten minutes after its last use. */
    private static final long KEPT_EVENTS = 200_000;
    private static final Duration KEPT_FOR = Duration.ofMinutes(10);

    private final EventStore eventStore;
    private final Cache<String, AggregateHistory> recent = Caffeine.newBuilder()
            .maximumWeight(KEPT_EVENTS).weigher((String id, AggregateHistory history) -> Math.max(1, history.events().size()))
            .expireAfterAccess(KEPT_FOR).build();

    EventHistories(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    Mono<AggregateHistory> of(String aggregateId) {
        return Mono.fromCallable(() -> read(aggregateId)).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * The events after those already known, looked up by aggregate and sequence number (no scan of the store); from
     * sequence 0 for an unknown aggregate, on purpose: reading without a sequence number would start at a snapshot
     * and hide the history before it.
     */
    private AggregateHistory read(String aggregateId) {
        AggregateHistory known = recent.getIfPresent(aggregateId);
        List<Recorded> events = new ArrayList<>(known == null ? List.of() : known.events());
        eventStore.readEvents(aggregateId, events.size()).asStream().map(Recorded::of).forEach(events::add);
        AggregateHistory history = known != null && known.events().size() == events.size() ? known : new AggregateHistory(events);
        if (!history.isEmpty()) {
            recent.put(aggregateId, history);
        }
        return history;
    }
}

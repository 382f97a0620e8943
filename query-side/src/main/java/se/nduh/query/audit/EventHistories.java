package se.nduh.query.audit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import se.nduh.query.audit.AggregateHistory.Recorded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an aggregate's history from the event store, keeping the recent ones: an aggregate's events are only ever
 * appended, so a history read before needs only the events stored since — one lookup when there are none. An
 * auditor stepping through a round's dates replays the same histories again and again. Once the query side has
 * started, every priority round's history is read in the background ({@link #keepRounds}): a round is what auditors
 * replay, and reading a long one the first time costs seconds that the first auditor after a restart would wait.
 */
@Component
class EventHistories {

    private static final Logger log = LoggerFactory.getLogger(EventHistories.class);
    /** At most this many events are kept (some 100 MB), of the histories used most and last. */
    private static final long KEPT_EVENTS = 50_000;
    /** Long enough after the start for the projections to have caught up with what happened while it was down. */
    private static final Duration ROUNDS_READ_AFTER = Duration.ofSeconds(20);

    private final EventStore eventStore;
    private final MongoCollection<Document> rounds;
    private final Cache<String, AggregateHistory> recent = Caffeine.newBuilder()
            .maximumWeight(KEPT_EVENTS).weigher((String id, AggregateHistory history) -> Math.max(1, history.events().size()))
            .build();

    EventHistories(EventStore eventStore, MongoDatabase readDatabase) {
        this.eventStore = eventStore;
        this.rounds = readDatabase.getCollection("priority_rounds");
    }

    /** Once started, keeps every priority round's history, read in the background. */
    @EventListener(ApplicationReadyEvent.class)
    void keepRounds() {
        Mono.delay(ROUNDS_READ_AFTER).thenMany(everyRound()).subscribe();
    }

    /** Reads every priority round's history, one after the other; a round that fails is read when an auditor asks for it. */
    Flux<AggregateHistory> everyRound() {
        return Flux.from(rounds.find().projection(new Document("_id", 1))).map(round -> round.getString("_id"))
                .concatMap(round -> of(round).onErrorResume(failure -> {
                    log.warn("The history of round {} is not kept yet; it is read when an auditor asks for it", round, failure);
                    return Mono.empty();
                }));
    }

    boolean keeps(String aggregateId) {
        return recent.getIfPresent(aggregateId) != null;
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

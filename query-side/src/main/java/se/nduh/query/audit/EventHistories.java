package se.nduh.query.audit;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reads an aggregate's history from the event store. */
@Component
class EventHistories {

    private final EventStore eventStore;

    EventHistories(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * Every event of the aggregate from its first, looked up by aggregate and sequence number (no scan of the store).
     * From sequence 0 on purpose: reading without it would start at a snapshot and hide the history before it.
     */
    Mono<AggregateHistory> of(String aggregateId) {
        return Mono.fromCallable(() -> new AggregateHistory(eventStore.readEvents(aggregateId, 0).asStream()
                        .map(AggregateHistory.Recorded::of).toList()))
                .subscribeOn(Schedulers.boundedElastic());
    }
}

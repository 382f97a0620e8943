package se.nduh.infrastructure.eventstore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The global index against the MongoDB-protocol server: an insert that lands after later ones is still read, once;
 * a position nobody fills is closed and never read; and a store from before the index is indexed in the order its
 * timestamp tokens read it.
 */
class GlobalIndexStorageStrategyIT {

    private static final Serializer JSON = JacksonSerializer.defaultSerializer();
    private static MongoServer server;
    private static MongoClient client;

    private MongoCollection<Document> events;
    private MongoCollection<Document> snapshots;
    private MongoCollection<Document> counters;

    record Happened(String what) {
    }

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void emptyStore() {
        MongoDatabase database = client.getDatabase("events_" + UUID.randomUUID().toString().replace("-", ""));
        events = database.getCollection("domainevents");
        snapshots = database.getCollection("snapshotevents");
        counters = database.getCollection("counters");
    }

    @Test
    void an_insert_that_lands_after_a_later_one_was_read_is_read_when_it_lands_and_only_then() {
        GlobalIndexStorageStrategy store = strategy(Duration.ofMinutes(1));
        Reader reader = new Reader(store);

        store.appendEvents(landingAfter(() -> {
            store.appendEvents(events, List.of(event("later", 0)), JSON);
            assertThat(reader.read()).containsExactly("later");
        }), List.of(event("late", 0)), JSON);

        assertThat(reader.read()).containsExactly("late");
        assertThat(reader.read()).isEmpty();
    }

    @Test
    void a_position_closed_while_its_insert_was_on_the_way_sends_the_insert_to_a_new_one() {
        GlobalIndexStorageStrategy store = strategy(Duration.ZERO);
        Reader reader = new Reader(store);

        store.appendEvents(landingAfter(() -> {
            store.appendEvents(events, List.of(event("later", 0)), JSON);
            assertThat(reader.read()).containsExactly("later");
        }), List.of(event("late", 0), event("late", 1)), JSON);

        assertThat(reader.read()).containsExactly("late", "late");
        assertThat(reader.read()).isEmpty();
        assertThat(events.find(Filters.eq("aggregateIdentifier", "late")).map(event -> event.getLong("globalIndex")))
                .as("the late commit under new positions, whole and in order").containsExactlyInAnyOrder(3L, 4L);
        assertThat(events.countDocuments(Filters.exists(GlobalIndexStorageStrategy.CLOSED_AT))).isEqualTo(2);
    }

    @Test
    void the_position_of_a_refused_commit_is_closed_and_never_read() {
        GlobalIndexStorageStrategy store = strategy(Duration.ZERO);
        Reader reader = new Reader(store);
        store.appendEvents(events, List.of(event("need", 0)), JSON);

        assertThatThrownBy(() -> store.appendEvents(events, List.of(event("need", 0)), JSON))
                .as("a concurrent change of the aggregate stands").isInstanceOf(MongoBulkWriteException.class);
        store.appendEvents(events, List.of(event("need", 1)), JSON);

        assertThat(reader.read()).containsExactly("need", "need");
        assertThat(reader.read()).isEmpty();
        assertThat(events.find(Filters.eq("globalIndex", 1L)).first()).containsKey(GlobalIndexStorageStrategy.CLOSED_AT);
    }

    @Test
    void events_stored_before_the_index_get_theirs_in_the_order_of_their_timestamps() {
        Instant now = Instant.now();
        new DocumentPerEventStorageStrategy().appendEvents(events,
                List.of(event("second", 0, now.minusSeconds(1)), event("first", 0, now.minusSeconds(2))), JSON);
        GlobalIndexStorageStrategy store = strategy(Duration.ofMinutes(1));
        store.appendEvents(events, List.of(event("third", 0)), JSON);

        assertThat(new Reader(store).read()).containsExactly("first", "second", "third");
    }

    @Test
    void events_are_read_in_batches_in_the_order_they_were_stored_and_a_run_of_unfilled_positions_holds_nothing_back() {
        GlobalIndexStorageStrategy store = strategy(Duration.ofMinutes(1));
        Reader reader = new Reader(store);
        for (int i = 0; i < 120; i++) {
            store.appendEvents(events, List.of(event("need-" + i, 0)), JSON);
        }
        assertThat(reader.read()).hasSize(50).startsWith("need-0", "need-1").endsWith("need-49");
        assertThat(reader.read()).hasSize(50).startsWith("need-50");
        assertThat(reader.read()).hasSize(20).endsWith("need-119");
        assertThat(reader.read()).isEmpty();

        // Writers that took 120 positions and died before storing anything: the next event is still read.
        counters.updateOne(Filters.eq("_id", "domainevents"), new Document("$inc", new Document("next", 120L)));
        store.appendEvents(events, List.of(event("after-the-dead", 0)), JSON);
        assertThat(reader.read()).containsExactly("after-the-dead");
    }

    @Test
    void an_aggregates_events_and_its_last_sequence_number_are_found_by_their_keys() {
        GlobalIndexStorageStrategy store = strategy(Duration.ofMinutes(1));
        for (int count = 1; count <= 20; count++) {
            for (int sequence = 0; sequence < count; sequence++) {
                store.appendEvents(events, List.of(event("aggregate-" + count, sequence)), JSON);
            }
        }
        for (int count = 1; count <= 20; count++) {
            assertThat(store.lastSequenceNumberFor(events, "aggregate-" + count)).as("aggregate of %d events", count).contains(count - 1L);
        }
        assertThat(store.lastSequenceNumberFor(events, "nowhere")).isEmpty();
        assertThat(store.findDomainEvents(events, "aggregate-13", 0, 100)).extracting(DomainEventData::getSequenceNumber)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(store.findDomainEvents(events, "aggregate-13", 5, 3)).extracting(DomainEventData::getSequenceNumber)
                .containsExactly(5L, 6L, 7L);
        assertThat(store.findDomainEvents(events, "nowhere", 0, 100)).isEmpty();
    }

    @Test
    void a_history_begun_before_the_keys_is_read_whole_and_an_identifier_with_slashes_keeps_its_own() {
        new DocumentPerEventStorageStrategy().appendEvents(events, List.of(event("round/2026", 0), event("round/2026", 1)), JSON);
        GlobalIndexStorageStrategy store = strategy(Duration.ofMinutes(1));
        store.appendEvents(events, List.of(event("round/2026", 2), event("round/2026", 3)), JSON);
        store.appendEvents(events, List.of(event("round", 2026)), JSON);

        assertThat(events.find(Filters.eq("eventKey", "round/2026/3")).first()).as("an event's key: aggregate and sequence number")
                .containsEntry("sequenceNumber", 3L);
        assertThat(store.findDomainEvents(events, "round/2026", 0, 100)).extracting(DomainEventData::getSequenceNumber)
                .containsExactly(0L, 1L, 2L, 3L);
        assertThat(store.findDomainEvents(events, "round/2026", 1, 2)).extracting(DomainEventData::getSequenceNumber)
                .containsExactly(1L, 2L);
        assertThat(store.findDomainEvents(events, "round", 2026, 100)).extracting(DomainEventData::getAggregateIdentifier)
                .containsExactly("round");
    }

    /** The strategy over the store, with its indexes made, as the engine does when it starts. */
    private GlobalIndexStorageStrategy strategy(Duration gapTimeout) {
        GlobalIndexStorageStrategy strategy = new GlobalIndexStorageStrategy(counters, gapTimeout);
        strategy.ensureIndexes(events, snapshots);
        return strategy;
    }

    private static GenericDomainEventMessage<Happened> event(String aggregate, long sequence) {
        return event(aggregate, sequence, Instant.now());
    }

    private static GenericDomainEventMessage<Happened> event(String aggregate, long sequence, Instant at) {
        return new GenericDomainEventMessage<>("Thing", aggregate, sequence, new Happened(aggregate), Map.of(),
                UUID.randomUUID().toString(), at);
    }

    /** The events collection as a slow writer has it: what {@code meanwhile} does happens before its first insert lands. */
    @SuppressWarnings("unchecked")
    private MongoCollection<Document> landingAfter(Runnable meanwhile) {
        AtomicBoolean first = new AtomicBoolean(true);
        return (MongoCollection<Document>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MongoCollection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("insertMany") && first.getAndSet(false)) {
                        meanwhile.run();
                    }
                    try {
                        return method.invoke(events, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A tracking processor's reads, reduced to the aggregates of the events it gets. */
    private class Reader {

        private final GlobalIndexStorageStrategy store;
        private TrackingToken token;

        Reader(GlobalIndexStorageStrategy store) {
            this.store = store;
        }

        List<String> read() {
            List<? extends TrackedEventData<?>> batch = store.findTrackedEvents(events, token, 50);
            if (!batch.isEmpty()) {
                token = batch.get(batch.size() - 1).trackingToken();
            }
            return batch.stream().map(event -> ((DomainEventData<?>) event).getAggregateIdentifier()).toList();
        }
    }
}

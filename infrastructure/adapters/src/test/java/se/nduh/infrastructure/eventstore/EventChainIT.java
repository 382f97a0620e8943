package se.nduh.infrastructure.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.nduh.infrastructure.eventstore.ChainVerifier.Break;
import se.nduh.infrastructure.eventstore.ChainVerifier.Problem;
import se.nduh.infrastructure.eventstore.ChainVerifier.Result;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chain against the MongoDB-protocol server: events stored through the engine's strategy verify, and each
 * way of tampering with the store through the driver — an altered payload or metadata, a removed, an inserted or a
 * reordered event — is found at the aggregate and sequence number where it was done.
 */
class EventChainIT {

    private static final Serializer JSON = JacksonSerializer.defaultSerializer();
    private static final String HALLAND = "halland";
    private static final String SKANE = "skane";
    private static MongoServer server;
    private static MongoClient client;

    private MongoCollection<Document> events;
    private GlobalIndexStorageStrategy store;

    record Happened(String region, String what) {
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
    void storeWithTwoRegionsEvents() {
        MongoDatabase database = client.getDatabase("events_" + UUID.randomUUID().toString().replace("-", ""));
        events = database.getCollection("domainevents");
        store = new GlobalIndexStorageStrategy(database.getCollection("counters"), Duration.ofMinutes(1));
        store.ensureIndexes(events, database.getCollection("snapshotevents"));
        append(HALLAND, "need-1", 0, 4);
        append(SKANE, "need-2", 0, 3);
        append(HALLAND, "round-1", 0, 2);
        append(HALLAND, "need-1", 4, 2);
    }

    @Test
    void events_stored_by_the_engine_carry_their_chain_and_verify() {
        Document second = stored("need-1", 1);
        Map<String, String> metaData = StoredEvent.of(second).metaData();
        assertThat(metaData.get(EventChain.PREVIOUS_HASH)).isEqualTo(EventChain.hashOf(StoredEvent.of(stored("need-1", 0))));
        assertThat(metaData.get(EventChain.HASH)).isEqualTo(EventChain.hashOf(StoredEvent.of(second), metaData.get(EventChain.PREVIOUS_HASH)));
        assertThat(metaData).containsEntry("userId", "u-1").containsEntry("region", HALLAND);

        Result halland = verify(HALLAND);
        assertThat(halland.intact()).isTrue();
        assertThat(halland.events()).as("the region's events, not the other region's").isEqualTo(8);
        assertThat(halland.aggregates()).isEqualTo(2);
        assertThat(halland.eventsBeforeChain()).isZero();
        assertThat(verify(SKANE).events()).isEqualTo(3);
    }

    @Test
    void an_altered_payload_is_found_at_its_event() {
        events.updateOne(eventOf("need-1", 2), Updates.set("serializedPayload", "{\"region\":\"halland\",\"what\":\"something else\"}"));

        assertThat(verify(HALLAND).breaks()).singleElement().satisfies(broken -> assertBreak(broken, "need-1", 2, Problem.ALTERED));
    }

    @Test
    void altered_metadata_is_found_at_its_event() {
        Document event = stored("need-1", 3);
        events.updateOne(eventOf("need-1", 3), Updates.set("serializedMetaData",
                event.getString("serializedMetaData").replace("\"u-1\"", "\"u-2\"")));

        assertThat(verify(HALLAND).breaks()).singleElement().satisfies(broken -> assertBreak(broken, "need-1", 3, Problem.ALTERED));
    }

    @Test
    void a_removed_event_is_found_where_its_sequence_number_is_missing() {
        events.deleteOne(eventOf("need-1", 2));

        assertThat(verify(HALLAND).breaks()).singleElement().satisfies(broken -> assertBreak(broken, "need-1", 2, Problem.MISSING));
    }

    @Test
    void an_inserted_event_is_found_where_the_chain_no_longer_links() {
        // Make room at sequence number 2 and put a forged event there with a hash of its own.
        for (long sequence = 5; sequence >= 2; sequence--) {
            events.updateOne(eventOf("need-1", sequence), Updates.set("sequenceNumber", sequence + 1));
        }
        Document forged = stored("need-1", 1);
        forged.remove("_id");
        forged.remove("eventKey");
        forged.put("sequenceNumber", 2L);
        forged.put("globalIndex", 1_000L);
        forged.put("eventIdentifier", UUID.randomUUID().toString());
        events.insertOne(forged);

        assertThat(verify(HALLAND).breaks()).singleElement().satisfies(broken -> assertBreak(broken, "need-1", 2, Problem.ALTERED));
    }

    @Test
    void reordered_events_are_found_at_the_first_moved() {
        events.updateOne(eventOf("need-1", 2), Updates.set("sequenceNumber", 99L));
        events.updateOne(eventOf("need-1", 3), Updates.set("sequenceNumber", 2L));
        events.updateOne(eventOf("need-1", 99), Updates.set("sequenceNumber", 3L));

        assertThat(verify(HALLAND).breaks()).singleElement().satisfies(broken -> assertBreak(broken, "need-1", 2, Problem.ALTERED));
    }

    @Test
    void a_whole_chain_rewritten_is_found_by_the_root_a_checkpoint_kept() {
        long position = new ChainVerifier(events).settledPosition();
        Result checkpoint = verify(HALLAND, position);
        append(HALLAND, "need-1", 6, 1);
        assertThat(verify(HALLAND, position).root()).as("later events leave the root up to the checkpoint as it was")
                .isEqualTo(checkpoint.root());

        events.deleteOne(eventOf("need-1", 5));
        Result after = verify(HALLAND, position);
        assertThat(after.intact()).as("the last event removed leaves every chain whole").isTrue();
        assertThat(after.root()).as("but not the root").isNotEqualTo(checkpoint.root());
    }

    @Test
    void events_stored_before_the_chain_are_counted_as_such_and_a_chained_event_after_them_links_to_them() {
        new DocumentPerEventStorageStrategy().appendEvents(events, List.of(event(HALLAND, "old-need", 0)), JSON);
        events.updateOne(eventOf("old-need", 0), Updates.set("globalIndex", 500L));
        append(HALLAND, "old-need", 1, 1);

        Result halland = verify(HALLAND);
        assertThat(halland.intact()).isTrue();
        assertThat(halland.eventsBeforeChain()).isEqualTo(1);
        assertThat(StoredEvent.of(stored("old-need", 1)).metaData().get(EventChain.PREVIOUS_HASH))
                .isEqualTo(EventChain.hashOf(StoredEvent.of(stored("old-need", 0)), EventChain.GENESIS));
    }

    @Test
    void the_named_aggregates_alone_are_checked() {
        events.updateOne(eventOf("round-1", 1), Updates.set("timestamp", "2020-01-01T00:00:00Z"));

        Result round = new ChainVerifier(events).verifyAggregates(HALLAND, List.of("round-1", "need-2"));

        assertThat(round.events()).as("the round's events; the other region's need is left out").isEqualTo(2);
        assertThat(round.breaks()).singleElement().satisfies(broken -> assertBreak(broken, "round-1", 1, Problem.ALTERED));
        assertThat(new ChainVerifier(events).verifyAggregates(HALLAND, List.of("need-1")).intact()).isTrue();
    }

    @Test
    void the_settled_position_stops_before_the_first_position_not_yet_taken() {
        assertThat(new ChainVerifier(events).settledPosition()).isEqualTo(10);
        events.deleteOne(Filters.eq("globalIndex", 4L));
        assertThat(new ChainVerifier(events).settledPosition()).isEqualTo(3);
    }

    private static void assertBreak(Break broken, String aggregate, long sequence, Problem problem) {
        assertThat(broken.aggregate()).isEqualTo(aggregate);
        assertThat(broken.sequenceNumber()).isEqualTo(sequence);
        assertThat(broken.problem()).isEqualTo(problem);
        assertThat(broken.expected()).isNotEqualTo(broken.found());
    }

    private Result verify(String region) {
        return verify(region, Long.MAX_VALUE);
    }

    private Result verify(String region, long position) {
        List<Long> progress = new ArrayList<>();
        Result result = new ChainVerifier(events).verify(region, position, progress::add);
        assertThat(progress).as("progress is told").isNotEmpty();
        return result;
    }

    private void append(String region, String aggregate, long firstSequence, int count) {
        List<GenericDomainEventMessage<Happened>> batch = new ArrayList<>();
        for (long sequence = firstSequence; sequence < firstSequence + count; sequence++) {
            batch.add(event(region, aggregate, sequence));
        }
        store.appendEvents(events, batch, JSON);
    }

    private static GenericDomainEventMessage<Happened> event(String region, String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Thing", aggregate, sequence, new Happened(region, aggregate + "#" + sequence),
                Map.of("userId", "u-1", "role", "tjansteperson", "region", region, "correlationId", UUID.randomUUID().toString()),
                UUID.randomUUID().toString(), Instant.now());
    }

    private Document stored(String aggregate, long sequence) {
        return events.find(eventOf(aggregate, sequence)).first();
    }

    private static Bson eventOf(String aggregate, long sequence) {
        return Filters.and(Filters.eq("aggregateIdentifier", aggregate), Filters.eq("sequenceNumber", sequence));
    }
}

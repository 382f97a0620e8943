package se.nduh.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.infrastructure.mongo.MongoProperties;
import se.nduh.kernel.signing.RecordSignatures;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.StoredEvents;
import se.nduh.localplatform.testing.TestUsers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An auditor asks the running platform whether a region's record is untouched, after the store was changed behind
 * its back through the MongoDB driver: each change is named at its aggregate and sequence number, and a checkpoint
 * the auditor kept no longer holds once an event at or below it is gone.
 */
@PlatformIT
class ChainVerificationIT {

    private static final String REGION = "vastmanland";
    private static final String VERIFICATION = "/api/v1/regions/" + REGION + "/audit/verification";
    private static final String CHECKPOINTS = "/api/v1/regions/" + REGION + "/audit/checkpoints";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Audited(String region, String what) {
    }

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoClient mongo;
    @Autowired
    MongoProperties mongoProperties;

    /** What a test changed in the store, put back afterwards so that every test finds the region whole. */
    private final List<Document> originals = new ArrayList<>();

    @AfterEach
    void putTheStoreBack() {
        for (Document original : originals) {
            events().deleteMany(Filters.eq("_id", original.get("_id")));
            events().insertOne(original);
        }
    }

    @Test
    void an_untouched_record_verifies_and_says_how_fast() {
        String need = storedNeed(3);

        JsonNode verification = verification(VERIFICATION);

        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("events").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(verification.get("eventsBeforeChain").asLong()).isZero();
        assertThat(verification.get("eventsPerSecond").asLong()).isPositive();
        assertThat(verification.get("breaks")).isEmpty();
        assertThat(need).isNotBlank();
    }

    @Test
    void an_altered_payload_and_a_removed_event_are_named_at_their_aggregate_and_sequence_number() {
        String altered = storedNeed(3);
        String removed = storedNeed(3);
        change(eventOf(altered, 1), Updates.set("serializedPayload", "{\"region\":\"vastmanland\",\"what\":\"rewritten\"}"));
        remove(eventOf(removed, 1));

        JsonNode verification = verification(VERIFICATION);

        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(breakOf(verification, altered).get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(breakOf(verification, altered).get("problem").asText()).isEqualTo("ALTERED");
        assertThat(breakOf(verification, removed).get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(breakOf(verification, removed).get("problem").asText()).isEqualTo("MISSING");
    }

    @Test
    void a_kept_checkpoint_holds_until_an_event_at_or_below_it_is_gone_and_its_signature_is_the_regions() throws Exception {
        String need = storedNeed(2);
        JsonNode checkpoint = checkpointCovering(eventOf(need, 1));
        byte[] signed = ChainCheckpoints.signedBytes(REGION, checkpoint.get("position").asLong(), checkpoint.get("root").asText(),
                Instant.parse(checkpoint.get("takenAt").asText()));
        assertThat(RecordSignatures.verifies(Base64.getDecoder().decode(checkpoint.get("signer").asText()), signed,
                Base64.getDecoder().decode(checkpoint.get("signature").asText()))).isTrue();
        String kept = VERIFICATION + "?position=" + checkpoint.get("position").asLong() + "&root=" + checkpoint.get("root").asText();

        storedNeed(1);
        assertThat(verification(kept).at("/checkpoint/holds").asBoolean()).as("later events change nothing before it").isTrue();

        remove(eventOf(need, 1));
        JsonNode after = verification(kept);
        assertThat(after.at("/checkpoint/holds").asBoolean()).isFalse();
        assertThat(after.get("intact").asBoolean()).isFalse();
        assertThat(after.at("/checkpoint/recomputedRoot").asText()).isNotEqualTo(checkpoint.get("root").asText());
    }

    @Test
    void the_verification_tells_its_progress_as_events_then_its_result() {
        storedNeed(1);

        List<String> events = web.get().uri(VERIFICATION).accept(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(REGION + "-revisor")).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody()
                .collectList().block(Duration.ofSeconds(30));

        assertThat(events).isNotEmpty();
        assertThat(events.get(events.size() - 1)).contains("\"intact\"");
        assertThat(events.subList(0, events.size() - 1)).allSatisfy(progress -> assertThat(progress).contains("eventsRead"));
    }

    @Test
    void only_the_regions_auditors_and_elected_officials_verify_and_only_auditors_take_checkpoints() {
        api().get(VERIFICATION, REGION + "-fortroendevald").expectStatus().isOk();
        api().get(VERIFICATION, REGION + "-tjansteperson").expectStatus().isForbidden();
        api().get(VERIFICATION, "halland-revisor").expectStatus().isForbidden();
        api().get(VERIFICATION, "samordnare-2").expectStatus().isForbidden();
        api().call(HttpMethod.POST, CHECKPOINTS, REGION + "-fortroendevald", "").expectStatus().isForbidden();
        api().get(CHECKPOINTS, REGION + "-fortroendevald").expectStatus().isOk();
    }

    @Test
    void reading_an_audit_trail_is_recorded_and_only_the_revisor_sees_who_read_it() throws Exception {
        api().get(VERIFICATION + "?position=0&root=" + "0".repeat(64), REGION + "-fortroendevald").expectStatus().isOk();

        JsonNode reads = JSON.readTree(api().get("/api/v1/regions/" + REGION + "/audit/reads", REGION + "-revisor").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(reads.get("items")).anySatisfy(read -> {
            assertThat(read.get("role").asText()).isEqualTo("fortroendevald");
            assertThat(read.get("path").asText()).isEqualTo(VERIFICATION);
            assertThat(read.get("query").asText()).startsWith("position=0&root=");
            assertThat(read.get("userId").asText()).startsWith("u-");
        });
        api().get("/api/v1/regions/" + REGION + "/audit/reads", REGION + "-fortroendevald").expectStatus().isForbidden();
    }

    @Test
    void a_position_without_its_root_is_a_problem() {
        api().get(VERIFICATION + "?position=5", REGION + "-revisor").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api().get(VERIFICATION + "?position=5&root=nothex", REGION + "-revisor").expectStatus().isBadRequest();
    }

    /** A need-like aggregate of the region with this many events, stored as the command side stores them. */
    private String storedNeed(int events) {
        String id = UUID.randomUUID().toString();
        for (int sequence = 0; sequence < events; sequence++) {
            StoredEvents.append(eventStore, "Need", id, sequence, new Audited(REGION, "event " + sequence), "tjansteperson", REGION);
        }
        return id;
    }

    /**
     * A checkpoint the revisor takes, once it covers the event: a checkpoint stops below a position still open (a
     * writer refused after taking its index, as other tests' conflicts leave), until the gap timeout closes it.
     */
    private JsonNode checkpointCovering(Bson event) {
        long position = events().find(event).first().get("globalIndex", Number.class).longValue();
        // Each try stores a checkpoint: a try a second, where a gap held below the need closes within the gap timeout (10 s).
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> JSON.readTree(api().call(HttpMethod.POST, CHECKPOINTS, REGION + "-revisor", "")
                        .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody()),
                checkpoint -> checkpoint.get("position").asLong() >= position);
    }

    private JsonNode verification(String path) {
        try {
            return JSON.readTree(api().get(path, REGION + "-revisor").expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode breakOf(JsonNode verification, String aggregate) {
        for (JsonNode broken : verification.get("breaks")) {
            if (broken.get("aggregate").asText().equals(aggregate)) {
                return broken;
            }
        }
        throw new AssertionError("No break reported for " + aggregate + " in " + verification);
    }

    private void change(Bson event, Bson update) {
        originals.add(events().find(event).first());
        events().updateOne(event, update);
    }

    private void remove(Bson event) {
        originals.add(events().find(event).first());
        events().deleteOne(event);
    }

    private MongoCollection<Document> events() {
        return mongo.getDatabase(mongoProperties.eventsDatabase()).getCollection("domainevents");
    }

    private static Bson eventOf(String aggregate, long sequence) {
        return Filters.and(Filters.eq("aggregateIdentifier", aggregate), Filters.eq("sequenceNumber", sequence));
    }

    private Api api() {
        return new Api(web);
    }
}

package se.nduh.command.web;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.mongo.MongoProperties;
import se.nduh.infrastructure.security.UserDirectory;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.need.ReviseNeed;
import se.nduh.kernel.need.SetHealthTarget;
import se.nduh.kernel.region.RegionCode;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.TestUsers;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A retry with the same {@code Idempotency-Key} after the command side died while carrying the request out: the
 * crash is the claim it leaves behind, still pending, planted or reset here as the dead process left it.
 */
@PlatformIT
class RetryAfterCrashIT {

    static final String CIVIL_SERVANT = "vasterbotten-tjansteperson";
    static final String NEEDS = "/api/v1/regions/vasterbotten/needs";
    static final String NEED = """
            {"title": "Fetma bland barn", "needGroup": {"description": "Barn 6-12 år", "size": 12000},
             "kindsOfEffort": ["PREVENTIVE"],
             "indicator": {"name": "Andel barn med fetma", "currentValue": 18.5, "unit": "%",
                           "direction": "LOWER_IS_BETTER", "source": "Elevhälsan", "period": "2025"}}""";
    static final String EVIDENCE = """
            {"kind": "SELF_REPORTED", "source": "Hälsa på lika villkor 2024", "dataQuality": 4, "politicalWeight": 3}""";
    /** Long past the lease of one minute the command side holds a key for. */
    static final Duration LONG_AGO = Duration.ofHours(1);

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;
    @Autowired
    CommandGateway gateway;
    @Autowired
    MongoClient mongo;
    @Autowired
    MongoProperties mongoProperties;
    @Autowired
    IdempotencyKeys idempotencyKeys;

    @Test
    void a_retry_after_a_crash_before_the_command_was_sent_carries_it_out_once() {
        String need = propose("crash-before-send-need");
        diedWhileAttachingEvidence(need, "crash-before-send", Instant.now().minus(LONG_AGO));

        Map<?, ?> answer = attachEvidence(need, "crash-before-send").expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(answer.get("version")).isEqualTo(1);
        attachEvidence(need, "crash-before-send").expectStatus().isCreated()
                .expectBody().jsonPath("$.id").isEqualTo(answer.get("id")).jsonPath("$.version").isEqualTo(1);

        assertThat(eventStore.readEvents(need, 0).asStream().map(event -> event.getPayloadType().getSimpleName()))
                .containsExactly("NeedProposed", "EvidenceAttached");
    }

    @Test
    void a_retry_after_a_crash_after_the_need_was_proposed_gets_the_first_answer_and_proposes_nothing_more() {
        EntityExchangeResult<Map> first = proposeWithKey("crash-after-store-need").expectStatus().isCreated()
                .expectBody(Map.class).returnResult();
        String need = (String) first.getResponseBody().get("id");
        diedAfterStoring("crash-after-store-need");
        long stored = domainEvents().countDocuments();

        proposeWithKey("crash-after-store-need").expectStatus().isCreated()
                .expectHeader().location(first.getResponseHeaders().getLocation().toString())
                .expectBody().jsonPath("$.id").isEqualTo(need).jsonPath("$.version").isEqualTo(0);

        assertThat(domainEvents().countDocuments()).isEqualTo(stored);
        assertThat(eventStore.readEvents(need, 0).asStream()).hasSize(1);
    }

    @Test
    void a_retry_after_a_crash_after_evidence_was_attached_gets_the_first_answer_with_the_version_it_reached() {
        String need = propose("crash-after-store-evidence-need");
        EntityExchangeResult<Map> first = attachEvidence(need, "crash-after-store-evidence").expectStatus().isCreated()
                .expectBody(Map.class).returnResult();
        diedAfterStoring("crash-after-store-evidence");

        attachEvidence(need, "crash-after-store-evidence").expectStatus().isCreated()
                .expectHeader().location(first.getResponseHeaders().getLocation().toString())
                .expectBody().jsonPath("$.id").isEqualTo(first.getResponseBody().get("id")).jsonPath("$.version").isEqualTo(1);

        assertThat(eventStore.readEvents(need, 0).asStream().map(event -> event.getPayloadType().getSimpleName()))
                .containsExactly("NeedProposed", "EvidenceAttached");
    }

    @Test
    void a_retry_after_a_crash_before_the_need_was_proposed_proposes_it_under_the_id_its_key_names() {
        String need = IdempotencyKeys.newId(userId(), "crash-before-propose");
        keys().insertOne(new Document("_id", userId() + "|crash-before-propose")
                .append("request", "POST " + NEEDS + " " + sha256(NEED)).append("state", "pending")
                .append("claim", UUID.randomUUID().toString()).append("claimedAt", Date.from(Instant.now().minus(LONG_AGO)))
                .append("aggregate", need).append("status", 201).append("id", need).append("location", "http://localhost/needs/" + need));

        proposeWithKey("crash-before-propose").expectStatus().isCreated()
                .expectBody().jsonPath("$.id").isEqualTo(need).jsonPath("$.version").isEqualTo(0);

        assertThat(eventStore.readEvents(need, 0).asStream()).hasSize(1);
    }

    @Test
    void a_retry_that_took_the_claim_over_answers_with_the_dead_attempts_events_when_they_land_after_it_looked() {
        String need = propose("landed-late-need");
        String claim = UUID.randomUUID().toString();
        keys().insertOne(new Document("_id", "u-late|landed-late").append("request", "PUT /target").append("state", "pending")
                .append("claim", claim).append("claimedAt", Date.from(Instant.now().minus(LONG_AGO)))
                .append("aggregate", need).append("status", 200).append("id", need));
        // The retry has looked for the dead attempt's events and found none; they land just before the retry sends
        // its own command (a revision, which the need would take twice).
        ReviseNeed revision = revision(need);
        IdempotencyKeys.Command retry = new IdempotencyKeys.Command(need, new CommandSender.Answer(HttpStatus.OK, need, null),
                takenOver -> Mono.fromRunnable(() -> gateway.sendAndWait(GenericCommandMessage.asCommandMessage(revision)
                                .andMetaData(Map.of(IdempotencyClaims.CLAIM, claim))))
                        .then(Mono.fromCallable(() -> gateway.<Long>sendAndWait(
                                GenericCommandMessage.asCommandMessage(revision).andMetaData(takenOver)))));

        var answer = idempotencyKeys.once("u-late", "landed-late", "PUT /target", retry).block();

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).isEqualTo(new CommandSender.Accepted(need, 1));
        assertThat(eventStore.readEvents(need, 0).asStream().map(event -> event.getPayloadType().getSimpleName()))
                .containsExactly("NeedProposed", "NeedRevised");
        assertThat(keys().find(Filters.eq("_id", "u-late|landed-late")).first()).containsEntry("state", "done").containsEntry("version", 1L);
    }

    @Test
    void a_retry_while_the_first_attempt_may_still_be_running_is_409_and_changes_nothing() {
        String need = propose("still-running-need");
        diedWhileAttachingEvidence(need, "still-running", Instant.now());

        attachEvidence(need, "still-running").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(eventStore.readEvents(need, 0).asStream()).hasSize(1);
    }

    @Test
    void a_command_still_running_when_its_key_is_no_longer_held_stores_nothing() {
        String need = propose("lease-ended-need");
        var command = GenericCommandMessage.asCommandMessage(new SetHealthTarget(NeedId.of(need),
                        RegionCode.of("vasterbotten"), new BigDecimal("12"), 2030, null))
                .andMetaData(IdempotencyClaims.metaData(UUID.randomUUID().toString(), Instant.now().minusSeconds(1)));

        assertThatThrownBy(() -> gateway.sendAndWait(command)).isInstanceOfSatisfying(ResponseStatusException.class,
                refused -> assertThat(refused.getStatusCode().value()).isEqualTo(503));

        assertThat(eventStore.readEvents(need, 0).asStream()).hasSize(1);
    }

    @Test
    void a_command_that_met_a_database_that_did_not_answer_keeps_its_key_and_a_refused_one_releases_it() {
        IdempotencyKeys.Command away = new IdempotencyKeys.Command("need-away", new CommandSender.Answer(HttpStatus.CREATED, "need-away", null),
                metaData -> Mono.error(new MongoSocketReadException("the store went away mid-answer", new ServerAddress())));
        IdempotencyKeys.Command refused = new IdempotencyKeys.Command("need-refused", new CommandSender.Answer(HttpStatus.CREATED, "need-refused", null),
                metaData -> Mono.error(new IllegalArgumentException("refused by a rule")));

        assertThatThrownBy(() -> idempotencyKeys.once("u-away", "away", "POST /x", away).block()).isInstanceOf(MongoSocketReadException.class);
        assertThatThrownBy(() -> idempotencyKeys.once("u-away", "refused", "POST /x", refused).block()).isInstanceOf(IllegalArgumentException.class);

        assertThat(keys().find(Filters.eq("_id", "u-away|away")).first()).as("its events may be stored: a retry after the lease looks")
                .isNotNull().containsEntry("state", "pending");
        assertThat(keys().find(Filters.eq("_id", "u-away|refused")).first()).as("nothing was stored: the key is free again").isNull();
    }

    private ReviseNeed revision(String need) {
        NeedProposed proposed = (NeedProposed) eventStore.readEvents(need, 0).next().getPayload();
        return new ReviseNeed(proposed.needId(), proposed.region(), proposed.title(), proposed.description(), proposed.needGroup(),
                proposed.kindsOfEffort(), proposed.indicator(), "Tydligare målgrupp", "Ny kunskap", null);
    }

    /** The key was claimed for attaching evidence, and the process died before the command was sent. */
    private void diedWhileAttachingEvidence(String need, String key, Instant claimedAt) {
        String path = NEEDS + "/" + need + "/evidence";
        keys().insertOne(new Document("_id", userId() + "|" + key)
                .append("request", "POST " + path + " " + sha256(EVIDENCE)).append("state", "pending")
                .append("claim", UUID.randomUUID().toString()).append("claimedAt", Date.from(claimedAt))
                .append("aggregate", need).append("status", 201).append("id", "evidence-never-attached")
                .append("location", "http://localhost/never-read"));
    }

    /** The command's events were stored, and the process died before the answer was recorded. */
    private void diedAfterStoring(String key) {
        keys().updateOne(Filters.eq("_id", userId() + "|" + key), Updates.combine(Updates.set("state", "pending"),
                Updates.set("claimedAt", Date.from(Instant.now().minus(LONG_AGO))), Updates.unset("version")));
    }

    private String propose(String key) {
        return (String) proposeWithKey(key).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private WebTestClient.ResponseSpec proposeWithKey(String key) {
        return post(NEEDS, key, NEED);
    }

    private WebTestClient.ResponseSpec attachEvidence(String need, String key) {
        return post(NEEDS + "/" + need + "/evidence", key, EVIDENCE);
    }

    private WebTestClient.ResponseSpec post(String path, String key, String body) {
        return web.post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(CIVIL_SERVANT)).header(IdempotencyKeys.HEADER, key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    private MongoCollection<Document> keys() {
        return mongo.getDatabase(mongoProperties.eventsDatabase()).getCollection(IdempotencyKeys.COLLECTION);
    }

    private MongoCollection<Document> domainEvents() {
        return mongo.getDatabase(mongoProperties.eventsDatabase()).getCollection("domainevents");
    }

    private static String userId() {
        return new UserDirectory(TestUsers.file()).byUsername(CIVIL_SERVANT).orElseThrow().userId();
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

package se.nduh.query.bestpractice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.kernel.experience.BestPracticeCurated;
import se.nduh.kernel.experience.BestPracticeEntry;
import se.nduh.kernel.experience.BestPracticeRetired;
import se.nduh.kernel.experience.ExperienceId;
import se.nduh.kernel.experience.ExperienceReleased;
import se.nduh.kernel.experience.ExperienceShared;
import se.nduh.kernel.experience.ReleasedExperience;
import se.nduh.kernel.experience.StrategicArea;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.signing.RecordSignatures;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.RunningServers;
import se.nduh.localplatform.testing.StoredEvents;
import se.nduh.query.DeadLetters;
import se.nduh.query.DeploymentKeys;
import se.nduh.query.SignedRecords.OutsideRegion;
import se.nduh.query.SignedRecords;
import se.nduh.query.keys.RegionKeys;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shared experiences on the query side, over the real MongoDB-protocol server and Kafka broker: events as the
 * command side stores them reach the region's list; a released one (never a merely shared one) goes on
 * {@value ReleasedExperience#TOPIC}, comes back into the network library, and once curated is listed,
 * filtered and searched at {@code /api/v1/best-practice} until it is retired.
 */
@PlatformIT
class BestPracticeIT {

    private static final RegionCode HALLAND = RegionCode.of("halland");
    private static final RegionCode SKANE = RegionCode.of("skane");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String STRATEGIST = "Strateg, hälso- och sjukvårdsförvaltningen";
    private static final String COORDINATOR = "samordnare-1";

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;
    @Autowired
    BestPracticeLibrary library;
    @Autowired
    ObjectMapper json;
    @Autowired
    RegionKeys keys;
    @Value("${nduh.anonymisation.keys-file}")
    Path keysFile;

    private KafkaConsumer<String, String> topic;
    private final Map<String, String> published = new HashMap<>();

    @BeforeEach
    void readTheTopic() {
        topic = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningServers.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = topic.partitionsFor(ReleasedExperience.TOPIC).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        topic.assign(partitions);
        topic.seekToBeginning(partitions);
    }

    @AfterEach
    void close() {
        topic.close();
    }

    @Test
    void an_experience_not_signed_by_its_own_region_or_off_its_schema_is_parked_with_the_reason() throws Exception {
        keys.keyOf(SKANE);
        ReleasedExperience claim = new ReleasedExperience(ReleasedExperience.SCHEMA_VERSION, ExperienceId.random().value(), SKANE.value(),
                "Påstådd erfarenhet", StrategicArea.NEEDS, "Från någon annan", Set.of(KindOfEffort.CARE), STRATEGIST,
                LocalDate.of(2026, 3, 1), 1);
        String value = json.writeValueAsString(claim);
        String topicName = ReleasedExperience.TOPIC;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningServers.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topicName, claim.key(), value)).get();
            producer.send(SignedRecords.signed(topicName, null, claim.key(), value,
                    RecordSignatures.regionKey(OutsideRegion.number(7).secret()))).get();
            producer.send(SignedRecords.signed(topicName, null, claim.key(), value.replace("{", "{\"contactEmail\":\"anna@example.se\","),
                    RecordSignatures.regionKey(DeploymentKeys.secret(keysFile, SKANE)))).get();
        }

        assertThat(DeadLetters.reasons(ReleasedExperience.DEAD_LETTER_TOPIC, 3, claim.key()).values())
                .anyMatch(reason -> reason.startsWith("not signed: the headers"))
                .anyMatch(reason -> reason.equals("not signed by the key of region skane"))
                .anyMatch(reason -> reason.startsWith("fails the schema") && reason.contains("contactEmail"));
    }

    @Test
    void an_entry_of_the_library_not_signed_by_the_networks_key_is_parked_with_the_reason() throws Exception {
        keys.keyOf(SKANE);
        BestPracticeEntry claim = new BestPracticeEntry(BestPracticeEntry.SCHEMA_VERSION, ExperienceId.random().value(), SKANE.value(),
                true, Set.of("egen"), "Skåne kurerar själv", Instant.parse("2026-03-01T10:00:00Z"), null, 0);
        String value = json.writeValueAsString(claim);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningServers.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(SignedRecords.signed(BestPracticeEntry.TOPIC, null, claim.key(), value,
                    RecordSignatures.regionKey(DeploymentKeys.secret(keysFile, SKANE)))).get();
        }

        assertThat(DeadLetters.reasons(BestPracticeEntry.DEAD_LETTER_TOPIC, 1, claim.key()).values())
                .containsExactly("not signed by the network's key");
        api().get("/api/v1/best-practice/" + claim.experienceId(), COORDINATOR).expectStatus().isNotFound();
    }

    @Test
    void a_released_experience_goes_to_the_network_and_once_curated_is_listed_filtered_and_searched_until_retired() throws Exception {
        ExperienceId onlyShared = ExperienceId.random();
        share(onlyShared, HALLAND, "Prioriteringsdialog med medborgare", StrategicArea.PRIORITISATION, Set.of(KindOfEffort.CARE));
        ExperienceId dialogue = ExperienceId.random();
        share(dialogue, HALLAND, "Uppföljning i dialog med utföraren", StrategicArea.FOLLOW_UP, Set.of(KindOfEffort.TREATMENT));
        release(dialogue, HALLAND, "Uppföljning i dialog med utföraren", StrategicArea.FOLLOW_UP, Set.of(KindOfEffort.TREATMENT));
        ExperienceId schools = ExperienceId.random();
        share(schools, SKANE, "Behovsanalys tillsammans med skolan", StrategicArea.NEEDS, Set.of(KindOfEffort.PREVENTIVE));
        release(schools, SKANE, "Behovsanalys tillsammans med skolan", StrategicArea.NEEDS, Set.of(KindOfEffort.PREVENTIVE));

        // The region's own list: the shared one and the released one.
        await().atMost(PATIENCE).untilAsserted(() -> api().get("/api/v1/regions/halland/experiences", "halland-fortroendevald")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[?(@.id == '" + onlyShared + "')].status").isEqualTo(List.of("SHARED"))
                .jsonPath("$.items[?(@.id == '" + dialogue + "')].status").isEqualTo(List.of("RELEASED"))
                .jsonPath("$.items[?(@.id == '" + dialogue + "')].releasedOn").isEqualTo(List.of("2026-03-12")));
        api().get("/api/v1/regions/halland/experiences?status=SHARED", "halland-tjansteperson").expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].id").isEqualTo(onlyShared.value()).jsonPath("$.total").isEqualTo(1);
        api().get("/api/v1/regions/halland/experiences/" + dialogue, "skane-fortroendevald").expectStatus().isForbidden();

        // On the topic: the released ones with their region named and no user; the merely shared one never,
        // though it was stored before them (the publisher handles events in order).
        await().atMost(PATIENCE).until(() -> {
            for (ConsumerRecord<String, String> record : topic.poll(Duration.ofMillis(200))) {
                published.put(record.key(), record.value());
            }
            return published.containsKey(dialogue.value()) && published.containsKey(schools.value());
        });
        assertThat(published).doesNotContainKey(onlyShared.value());
        JsonNode record = json.readTree(published.get(dialogue.value()));
        assertThat(record.get("schemaVersion").asInt()).isEqualTo(ReleasedExperience.SCHEMA_VERSION);
        assertThat(record.get("region").asText()).isEqualTo("halland");
        assertThat(record.get("contactRole").asText()).isEqualTo(STRATEGIST);
        assertThat(record.get("revision").asLong()).isEqualTo(1);
        assertThat(published.get(dialogue.value())).doesNotContain("u-test").doesNotContain("userId");

        // Released is not yet best practice: the coordinators see it among what they may curate, no one else does.
        api().get("/api/v1/best-practice/" + dialogue, COORDINATOR).expectStatus().isNotFound();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notCurated()).contains(dialogue.value(), schools.value())
                .doesNotContain(onlyShared.value()));
        api().get("/api/v1/released-experiences?q=skolan", COORDINATOR).expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.experienceId == '" + schools + "')].region").isEqualTo(List.of("skane"));
        api().get("/api/v1/released-experiences", "halland-tjansteperson").expectStatus().isForbidden();

        curate(dialogue, HALLAND, Set.of("dialog", "uppföljning"));
        curate(schools, SKANE, Set.of("skola"));

        await().atMost(PATIENCE).untilAsserted(() -> api().get("/api/v1/best-practice", COORDINATOR)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].title").isEqualTo("Behovsanalys tillsammans med skolan")
                .jsonPath("$.items[1].title").isEqualTo("Uppföljning i dialog med utföraren"));
        assertThat(notCurated()).doesNotContain(dialogue.value(), schools.value());
        api().get("/api/v1/best-practice?area=FOLLOW_UP", "halland-tjansteperson").expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].experienceId").isEqualTo(dialogue.value());
        api().get("/api/v1/best-practice?kindOfEffort=PREVENTIVE", "drift-1").expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].experienceId").isEqualTo(schools.value());
        api().get("/api/v1/best-practice?q=KVARTALSVISA", "skane-utforare").expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].experienceId").isEqualTo(dialogue.value());
        api().get("/api/v1/best-practice?q=skolan&area=NEEDS", COORDINATOR).expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].region").isEqualTo("skane");
        api().get("/api/v1/best-practice?q=.*", COORDINATOR).expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);
        api().get("/api/v1/best-practice?size=0", COORDINATOR).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        api().get("/api/v1/best-practice/" + dialogue + "?minVersion=0", "halland-revisor").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.region").isEqualTo("halland")
                .jsonPath("$.area").isEqualTo("FOLLOW_UP")
                .jsonPath("$.areaSwedish").isEqualTo("Uppföljning")
                .jsonPath("$.summary").isEqualTo("Kvartalsvisa dialoger om indikatorerna gav en gemensam lägesbild.")
                .jsonPath("$.kindsOfEffort[0]").isEqualTo("TREATMENT")
                .jsonPath("$.contactRole").isEqualTo(STRATEGIST)
                .jsonPath("$.tags.length()").isEqualTo(2)
                .jsonPath("$.why").isEqualTo("Visar hur uppdrag och uppföljning hänger ihop.");

        // An older revision of a released experience changes nothing: consumers keep only the newest.
        library.received(new ReleasedExperience(ReleasedExperience.SCHEMA_VERSION, schools.value(), "skane", "Gammal titel",
                StrategicArea.NEEDS, "Gammal", Set.of(KindOfEffort.PREVENTIVE), STRATEGIST, LocalDate.of(2026, 1, 1), 0));
        api().get("/api/v1/best-practice/" + schools, COORDINATOR).expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("Behovsanalys tillsammans med skolan");

        StoredEvents.append(eventStore, "BestPractice", dialogue.curationId(), 1,
                new BestPracticeRetired(dialogue, HALLAND, "Ersatt av nyare erfarenhet"), "samordnare", "*");
        await().atMost(PATIENCE).untilAsserted(() -> api().get("/api/v1/best-practice", COORDINATOR)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].experienceId").isEqualTo(schools.value()));
        api().get("/api/v1/best-practice/" + dialogue, COORDINATOR).expectStatus().isNotFound();
        assertThat(notCurated()).contains(dialogue.value()).doesNotContain(schools.value());

        // A rebuild of the network's library publisher publishes every curation again, which changes nothing.
        api().call(HttpMethod.POST, "/api/v1/admin/projections/best-practice-publisher/rebuild", "drift-1", "{}")
                .expectStatus().isAccepted();
        await().atMost(PATIENCE).untilAsserted(() -> api().get("/api/v1/admin/projections", "drift-1")
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.name == 'best-practice-publisher')].caughtUp").isEqualTo(List.of(true)));
        api().get("/api/v1/best-practice", COORDINATOR).expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].experienceId").isEqualTo(schools.value())
                .jsonPath("$.items[0].tags[0]").isEqualTo("skola");
    }

    private void share(ExperienceId id, RegionCode region, String title, StrategicArea area, Set<KindOfEffort> kinds) {
        StoredEvents.append(eventStore, "Experience", id.value(), 0, new ExperienceShared(id, region, title, area,
                summaryOf(title), kinds, STRATEGIST, null), "tjansteperson", region.value());
    }

    private void release(ExperienceId id, RegionCode region, String title, StrategicArea area, Set<KindOfEffort> kinds) {
        StoredEvents.append(eventStore, "Experience", id.value(), 1, new ExperienceReleased(id, region, title, area,
                summaryOf(title), kinds, STRATEGIST, LocalDate.of(2026, 3, 12)), "fortroendevald", region.value());
    }

    /** As the network's command side stores a curation: an aggregate of its own. */
    private void curate(ExperienceId id, RegionCode region, Set<String> tags) {
        StoredEvents.append(eventStore, "BestPractice", id.curationId(), 0, new BestPracticeCurated(id, region, tags,
                "Visar hur uppdrag och uppföljning hänger ihop."), "samordnare", "*");
    }

    /** The ids the coordinators may curate from now. */
    private List<String> notCurated() {
        return api().get("/api/v1/released-experiences?size=200", COORDINATOR).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("items").findValuesAsText("experienceId");
    }

    private static String summaryOf(String title) {
        return title.startsWith("Uppföljning") ? "Kvartalsvisa dialoger om indikatorerna gav en gemensam lägesbild."
                : "Skolhälsovårdens data och elevernas röst i behovsanalysen.";
    }

    private Api api() {
        return new Api(web);
    }
}

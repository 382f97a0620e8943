package se.nduh.command.bestpractice;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.infrastructure.kafka.KafkaProperties;
import se.nduh.infrastructure.kafka.RegionPublicKeys;
import se.nduh.kernel.experience.BestPracticeCurated;
import se.nduh.kernel.experience.ExperienceId;
import se.nduh.kernel.experience.ExperienceReleased;
import se.nduh.kernel.experience.ReleasedExperience;
import se.nduh.kernel.signing.RecordSignatures;
import se.nduh.command.testing.RegionPublisher;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The network's curation through the command API: an experience a region released reaches the network as its signed
 * record on {@value ReleasedExperience#TOPIC} (published here as the region's query side would), and only then may
 * the coordinators curate it, as an aggregate of its own; they retire it with a reason and may curate it again. A
 * record not signed by its region's key is dead-lettered and curates nothing.
 */
@PlatformIT
class BestPracticeApiIT {

    private static final String COORDINATOR = "samordnare-1";
    private static final String OFFICIAL = "halland-fortroendevald";
    private static final String EXPERIENCES = "/api/v1/regions/halland/experiences";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;
    @Autowired
    KafkaProperties kafka;
    @Autowired
    ObjectMapper json;
    @Autowired
    RegionPublicKeys keys;
    @Autowired
    MeterRegistry metrics;
    @Value("${nduh.anonymisation.keys-file}")
    Path keysFile;

    @Test
    void released_by_its_region_received_by_the_network_then_curated_retired_and_curated_again() throws InterruptedException {
        String id = shareAndRelease();
        api().call(HttpMethod.POST, "/api/v1/best-practice", COORDINATOR, curate(id))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("ExperienceNotReleased").jsonPath("$.field").isEqualTo("experienceId");

        try (RegionPublisher halland = region()) {
            halland.publishRelease(id);
        }

        api().call(HttpMethod.POST, "/api/v1/best-practice", OFFICIAL, curate(id)).expectStatus().isForbidden();
        await().atMost(PATIENCE).untilAsserted(() -> api().call(HttpMethod.POST, "/api/v1/best-practice", COORDINATOR, curate(id))
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).endsWith("/api/v1/best-practice/" + id))
                .expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.version").isEqualTo(0));
        List<? extends DomainEventMessage<?>> curation = eventStore.readEvents(ExperienceId.of(id).curationId()).asStream().toList();
        assertThat(curation).singleElement().satisfies(event -> {
            assertThat(event.getPayload()).isInstanceOfSatisfying(BestPracticeCurated.class,
                    curated -> assertThat(curated.region().value()).isEqualTo("halland"));
            assertThat(event.getMetaData()).containsEntry("role", "samordnare");
        });
        assertThat(eventStore.readEvents(id).asStream()).hasSize(2);

        api().call(HttpMethod.POST, "/api/v1/best-practice/" + id + "/retirement", COORDINATOR, "{}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        api().call(HttpMethod.POST, "/api/v1/best-practice/" + id + "/retirement", COORDINATOR, "{\"reason\": \"Ersatt\"}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
        api().call(HttpMethod.POST, "/api/v1/best-practice", COORDINATOR, curate(id))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.version").isEqualTo(2);
    }

    @Test
    void a_release_not_signed_by_its_regions_key_is_dead_lettered_and_curates_nothing() throws InterruptedException {
        String id = shareAndRelease();
        double before = deadLettered();
        byte[] stranger = new byte[32];
        new SecureRandom().nextBytes(stranger);
        try (RegionPublisher halland = region()) {
            DomainEventMessage<?> released = eventStore.readEvents(id).asStream().reduce((first, second) -> second).orElseThrow();
            halland.publish(ReleasedExperience.of((ExperienceReleased) released.getPayload(), released.getSequenceNumber()),
                    RecordSignatures.regionKey(stranger));
        }

        await().atMost(PATIENCE).until(() -> deadLettered() > before);
        api().call(HttpMethod.POST, "/api/v1/best-practice", COORDINATOR, curate(id))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("ExperienceNotReleased");
    }

    @Test
    void retiring_what_the_network_never_curated_is_a_409_problem() {
        api().call(HttpMethod.POST, "/api/v1/best-practice/no-such-experience/retirement", COORDINATOR, "{\"reason\": \"Ersatt\"}")
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("BestPracticeNotCurated");
    }

    private String shareAndRelease() {
        Map<?, ?> shared = api().call(HttpMethod.POST, EXPERIENCES, "halland-tjansteperson", """
                        {"title": "Uppföljning i dialog med utföraren", "area": "FOLLOW_UP",
                         "summary": "Kvartalsvisa dialoger om indikatorerna gav en gemensam lägesbild.",
                         "kindsOfEffort": ["TREATMENT"], "contactRole": "Strateg, hälso- och sjukvårdsförvaltningen"}""")
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) shared.get("id");
        api().call(HttpMethod.POST, EXPERIENCES + "/" + id + "/release", OFFICIAL, "{}").expectStatus().isOk();
        return id;
    }

    private double deadLettered() {
        var counter = metrics.find("nduh.kafka.records.consumed").tag("topic", ReleasedExperience.TOPIC)
                .tag("outcome", "dead-lettered").counter();
        return counter == null ? 0 : counter.count();
    }

    /** Halland's query side, as far as the network's curation needs it. */
    private RegionPublisher region() {
        return new RegionPublisher(eventStore, kafka, json, keys, keysFile);
    }

    private static String curate(String id) {
        return "{\"experienceId\": \"" + id + "\", \"tags\": [\"dialog\", \"uppföljning\"],"
                + " \"why\": \"Visar hur uppdrag och uppföljning hänger ihop.\"}";
    }

    private Api api() {
        return new Api(web);
    }
}

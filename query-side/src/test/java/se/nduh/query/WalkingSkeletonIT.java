package se.nduh.query;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.kernel.comparison.ComparisonRecord;
import se.nduh.kernel.comparison.Metrics;
import se.nduh.kernel.need.Direction;
import se.nduh.kernel.need.HealthIndicator;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedGroup;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.StoredEvents;
import se.nduh.localplatform.testing.TestUsers;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton on the query side, over the real MongoDB-protocol server and Kafka broker: events as
 * the command side stores them reach the need registry, and the anonymised count of needs reaches the
 * benchmarking read model through Kafka.
 */
@PlatformIT
class WalkingSkeletonIT {

    private static final RegionCode HALLAND = RegionCode.of("halland");

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;
    @Value("${nduh.anonymisation.keys-file}")
    Path keysFile;

    @Test
    void a_proposed_need_reaches_the_registry_and_its_count_reaches_the_comparisons() throws IOException {
        NeedId first = propose("Fetma bland barn");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                web.get().uri("/api/v1/regions/halland/needs")
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("halland-fortroendevald")).exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.items[0].id").isEqualTo(first.value())
                        .jsonPath("$.items[0].title").isEqualTo("Fetma bland barn")
                        .jsonPath("$.items[0].needGroup.size").isEqualTo(12000)
                        .jsonPath("$.items[0].indicator.direction").isEqualTo("LOWER_IS_BETTER")
                        .jsonPath("$.items[0].status").isEqualTo("PROPOSED"));

        // One need is fewer than k = 5: the figure is published, but suppressed.
        // The deployment makes a region's keys when it first computes the region's figures.
        String pseudonym = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> DeploymentKeys.pseudonym(keysFile, HALLAND, "2025"), Objects::nonNull);
        String key = ComparisonRecord.key(Metrics.NEEDS_DESCRIBED.code(), "2025", pseudonym);
        await().atMost(Duration.ofSeconds(30)).until(() -> comparisons().stream()
                .anyMatch(record -> record.key().equals(key) && record.suppressed() && record.revision() == 1));

        for (int i = 2; i <= 5; i++) {
            propose("Behov " + i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> comparisons().stream()
                .anyMatch(record -> record.key().equals(key) && !record.suppressed() && record.revision() > 1
                        && record.value().compareTo(BigDecimal.valueOf(5)) == 0 && record.itemCount() == 5));
        assertThat(comparisons()).allSatisfy(record -> assertThat(record.region()).doesNotContain("halland"));
    }

    @Test
    void an_unknown_region_is_a_404_problem() {
        web.get().uri("/api/v1/regions/atlantis/needs")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("halland-fortroendevald")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.rule").isEqualTo("UnknownRegion");
    }

    private NeedId propose(String title) {
        NeedId id = NeedId.random();
        NeedProposed event = new NeedProposed(id, HALLAND, title, "", new NeedGroup("Barn 6-12 år", 12000),
                Set.of(KindOfEffort.PREVENTIVE), new HealthIndicator("Andel barn med fetma", new BigDecimal("18.5"),
                "%", Direction.LOWER_IS_BETTER, "Elevhälsan", Period.of("2025"), null), 2025);
        StoredEvents.append(eventStore, "Need", id.value(), 0, event, "tjansteperson", "halland");
        return id;
    }

    private List<ComparisonRecord> comparisons() {
        return web.get().uri("/api/v1/comparisons")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("samordnare-1")).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<ComparisonRecord>>() {
                }).returnResult().getResponseBody();
    }
}

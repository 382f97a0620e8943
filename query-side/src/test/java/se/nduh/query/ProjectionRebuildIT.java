package se.nduh.query;

import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import se.nduh.kernel.need.Direction;
import se.nduh.kernel.need.EvidenceAttached;
import se.nduh.kernel.need.EvidenceId;
import se.nduh.kernel.need.EvidenceKind;
import se.nduh.kernel.need.HealthIndicator;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedGroup;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.need.NeedWithdrawn;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.StoredEvents;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An operator rebuilds the need registry from the event store and gets the very same documents back. */
// Rebuilds the whole need registry and compares it document by document: a context of its own.
@PlatformIT
@TestPropertySource(properties = "nduh.test.context=ProjectionRebuildIT")
@DirtiesContext
class ProjectionRebuildIT {

    private static final RegionCode HALLAND = RegionCode.of("halland");
    private static final int NEEDS = 40;

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabase readDatabase;

    @Test
    void a_rebuild_reproduces_the_same_documents_and_reports_its_progress() {
        for (int i = 0; i < NEEDS; i++) {
            NeedId need = NeedId.random();
            publish(need, 0, new NeedProposed(need, HALLAND, "Behov " + i, "", new NeedGroup("Grupp", 100 + i),
                    Set.of(KindOfEffort.PREVENTIVE), new HealthIndicator("Andel", BigDecimal.valueOf(i), "%",
                    Direction.LOWER_IS_BETTER, "Källa", Period.of("2025"), null), 2025));
            publish(need, 1, new EvidenceAttached(need, HALLAND, EvidenceId.of("e-" + i), EvidenceKind.EPIDEMIOLOGY, "Register", "", 3, 2));
            if (i % 4 == 0) {
                publish(need, 2, new NeedWithdrawn(need, HALLAND, "Dubblett"));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> needs().size() == NEEDS
                && needs().stream().filter(need -> need.getBoolean("withdrawn")).count() == NEEDS / 4);
        List<Document> before = needs();

        new Api(web).call(HttpMethod.POST, "/api/v1/admin/projections/needs/rebuild", "drift-1", "{}")
                .expectStatus().isAccepted().expectBody().jsonPath("$.name").isEqualTo("needs");

        long events = NEEDS * 2 + NEEDS / 4;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> new Api(web).get("/api/v1/admin/projections", "drift-1")
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.name == 'needs')].caughtUp").isEqualTo(List.of(true))
                .jsonPath("$[?(@.name == 'needs')].processed").value(processed -> atLeast(processed, events))
                .jsonPath("$[?(@.name == 'needs')].total").value(total -> atLeast(total, events)));
        assertThat(needs()).isEqualTo(before);
        new Api(web).get("/api/v1/admin/projections", "halland-revisor").expectStatus().isForbidden();
    }

    /** A figure of the projections' list, the one of {@code needs}: at least so many events. */
    private static void atLeast(Object figures, long events) {
        assertThat(((List<?>) figures).get(0)).asString().satisfies(count -> assertThat(Long.parseLong(count)).isGreaterThanOrEqualTo(events));
    }

    private void publish(NeedId need, long sequence, Object event) {
        StoredEvents.append(eventStore, "Need", need.value(), sequence, event, "tjansteperson", HALLAND.value());
    }

    private List<Document> needs() {
        return Flux.from(readDatabase.getCollection("needs").find().sort(Sorts.ascending("_id"))).collectList().block();
    }
}

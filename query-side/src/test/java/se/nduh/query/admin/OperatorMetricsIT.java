package se.nduh.query.admin;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedGroup;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.region.RegionCode;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.PrometheusText;
import se.nduh.localplatform.testing.StoredEvents;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operators read the query side's metrics in the Prometheus format: each processor's lag and dead letters, the
 * comparison outbox, Kafka in and out. Nobody else reads them.
 */
@PlatformIT
class OperatorMetricsIT {

    private static final String QUERY_SIDE = "application=\"nduh-query-side\"";
    private static final String NEEDS = "processor=\"needs\"";
    private static final RegionCode HALLAND = RegionCode.of("halland");

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;

    @Test
    void an_event_the_needs_projection_fails_on_shows_as_a_dead_letter_and_the_projection_catches_up() {
        double deadLettersBefore = scrape().value("nduh_processor_dead_letters", QUERY_SIDE, NEEDS).orElseThrow();
        NeedId poisoned = NeedId.random();
        // A region-less need makes the registry's handler fail (as in DeadLetterIT).
        StoredEvents.append(eventStore, "Need", poisoned.value(), 0, new NeedProposed(poisoned, null, "Trasigt", "",
                new NeedGroup("Grupp", 1), Set.of(KindOfEffort.CARE), null, 2025), "tjansteperson", HALLAND.value());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            PrometheusText metrics = scrape();
            assertThat(metrics.value("nduh_processor_dead_letters", QUERY_SIDE, NEEDS)).hasValue(deadLettersBefore + 1);
            assertThat(metrics.value("nduh_processor_lag_events", QUERY_SIDE, NEEDS)).hasValue(0);
        });
    }

    @Test
    void an_operator_sees_the_outbox_kafka_and_every_processor() {
        PrometheusText metrics = scrape();
        assertThat(metrics.value("nduh_comparison_outbox_pending", QUERY_SIDE).orElseThrow()).isNotNegative();
        for (String topic : new String[] {"nduh.comparisons.v1", "nduh.experiences.v1"}) {
            assertThat(metrics.value("nduh_kafka_records_published_total", QUERY_SIDE, "topic=\"" + topic + "\"")).isPresent();
            assertThat(metrics.value("nduh_kafka_records_consumed_total", QUERY_SIDE, "topic=\"" + topic + "\"", "outcome=\"applied\"")).isPresent();
            assertThat(metrics.value("nduh_kafka_records_consumed_total", QUERY_SIDE, "topic=\"" + topic + "\"", "outcome=\"dead-lettered\"")).isPresent();
        }
        for (String processor : new String[] {"needs", "commissions", "comparison-publisher", "experience-publisher"}) {
            assertThat(metrics.value("nduh_processor_lag_events", QUERY_SIDE, "processor=\"" + processor + "\"")).isPresent();
            assertThat(metrics.value("nduh_processor_dead_letters", QUERY_SIDE, "processor=\"" + processor + "\"")).isPresent();
        }
        assertThat(metrics.value("jvm_memory_used_bytes", QUERY_SIDE, "area=\"heap\"")).isPresent();
    }

    @Test
    void only_operators_read_the_metrics() {
        for (String user : new String[] {"samordnare-1", "halland-fortroendevald", "halland-revisor"}) {
            new Api(web).get(PrometheusText.PATH, user).expectStatus().isForbidden();
            new Api(web).get("/actuator/metrics/jvm.memory.used", user).expectStatus().isForbidden();
        }
        web.get().uri(PrometheusText.PATH).exchange().expectStatus().isUnauthorized();
        new Api(web).get("/actuator/metrics/jvm.memory.used", "drift-1").expectStatus().isOk();
    }

    private PrometheusText scrape() {
        return PrometheusText.scrape(web);
    }
}

package se.nduh.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.localplatform.testing.PlatformIT;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** A tracking processor that has stopped makes the query side's health DOWN until it runs again. */
@PlatformIT
class ProcessorsHealthIT {

    @Autowired
    WebTestClient web;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void a_stopped_processor_is_reported_down_until_it_runs_again() {
        TrackingEventProcessor publisher = processing.eventProcessor("comparison-publisher", TrackingEventProcessor.class).orElseThrow();
        publisher.shutDown();
        try {
            health().expectStatus().isEqualTo(503).expectBody()
                    .jsonPath("$.components.trackingProcessors.status").isEqualTo("DOWN");
        } finally {
            publisher.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> health().expectStatus().isOk().expectBody()
                .jsonPath("$.components.trackingProcessors.status").isEqualTo("UP"));
    }

    private WebTestClient.ResponseSpec health() {
        return web.get().uri("/actuator/health").exchange();
    }
}

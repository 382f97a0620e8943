package se.nduh.query.access;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;

/** Hand-written read checks, independent of the access table. */
@PlatformIT
class ReadAccessSpotChecksIT {

    @Autowired
    WebTestClient web;

    @Test
    void officials_civil_servants_and_auditors_read_their_own_regions_needs() {
        for (String user : new String[] {"skane-fortroendevald", "skane-tjansteperson", "skane-revisor"}) {
            get("/api/v1/regions/skane/needs", user).expectStatus().isOk();
        }
    }

    @Test
    void an_auditor_of_skane_gets_403_for_hallands_needs() {
        get("/api/v1/regions/halland/needs", "skane-revisor").expectStatus().isForbidden()
                .expectBody().jsonPath("$.region").isEqualTo("halland");
    }

    @Test
    void a_coordinator_never_sees_a_regions_details_but_sees_the_comparisons() {
        get("/api/v1/regions/skane/needs", "samordnare-2").expectStatus().isForbidden();
        get("/api/v1/comparisons", "samordnare-2").expectStatus().isOk();
    }

    @Test
    void every_region_role_sees_the_anonymised_comparisons() {
        get("/api/v1/comparisons", "norrbotten-utforare").expectStatus().isOk();
    }

    @Test
    void nobody_signed_in_gets_401() {
        web.get().uri("/api/v1/comparisons").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/regions/skane/needs").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void health_is_public_and_reports_mongodb_and_kafka_without_their_addresses() {
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.comparisonSubscription.status").isEqualTo("UP")
                .jsonPath("$.components.releasedExperienceSubscription.status").isEqualTo("UP")
                .jsonPath("$.components.trackingProcessors.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.details").doesNotExist()
                .jsonPath("$.components.kafka.details").doesNotExist()
                .jsonPath("$.components.diskSpace.details").doesNotExist();
    }

    private WebTestClient.ResponseSpec get(String path, String user) {
        return new Api(web).get(path, user);
    }
}

package se.nduh.command.access;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A region's own deployment ({@code NDUH_SERVED_REGIONS}) takes the requests of the regions it serves only: another
 * member's are {@code 404 RegionNotServedHere}, whoever asks, and store nothing; a code that is no member stays
 * {@code 404 UnknownRegion}. Being no network deployment, it holds no curation: the coordinators' commands go to the
 * network's.
 */
@PlatformIT
@TestPropertySource(properties = {"nduh.test.context=ServedRegionsIT", "nduh.served-regions=halland", "nduh.network.enabled=false"})
class ServedRegionsIT {

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;

    @Test
    void the_served_region_is_served_and_another_member_is_sent_to_its_own_deployment() {
        api().call(HttpMethod.POST, "/api/v1/regions/halland/needs", "halland-tjansteperson", RegionIsolationIT.NEED).expectStatus().isCreated();

        TrackingToken before = eventStore.createHeadToken();
        api().call(HttpMethod.POST, "/api/v1/regions/skane/needs", "skane-tjansteperson", RegionIsolationIT.NEED)
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.rule").isEqualTo("RegionNotServedHere").jsonPath("$.field").isEqualTo("region");
        api().call(HttpMethod.POST, "/api/v1/regions/skane/priority-rounds", "skane-fortroendevald", "{\"budgetYear\": 2027}")
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.rule").isEqualTo("RegionNotServedHere");
        api().call(HttpMethod.POST, "/api/v1/regions/gavleborg/needs", "halland-tjansteperson", RegionIsolationIT.NEED)
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.rule").isEqualTo("UnknownRegion");
        assertThat(eventStore.createHeadToken()).isEqualTo(before);
    }

    @Test
    void a_regions_own_deployment_holds_no_curation() {
        api().call(HttpMethod.POST, "/api/v1/best-practice", "samordnare-1",
                        "{\"experienceId\": \"any\", \"tags\": [\"dialog\"], \"why\": \"Bra\"}")
                .expectStatus().isNotFound();
        api().call(HttpMethod.POST, "/api/v1/best-practice/any/retirement", "samordnare-1", "{\"reason\": \"Ersatt\"}")
                .expectStatus().isNotFound();
    }

    private Api api() {
        return new Api(web);
    }
}

package se.nduh.query.access;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedGroup;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.region.RegionCode;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.StoredEvents;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reader learns nothing of another region, not even that an id exists there or how far its history runs: asked
 * for another region's need, with or without waiting for a version, the query side answers as for an id that
 * exists nowhere.
 */
@PlatformIT
class RegionIsolationIT {

    private static final RegionCode SORMLAND = RegionCode.of("sormland");

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;

    @Test
    void another_regions_need_is_answered_as_an_id_that_exists_nowhere() {
        NeedId theirs = NeedId.random();
        StoredEvents.append(eventStore, "Need", theirs.value(), 0, new NeedProposed(theirs, SORMLAND, "Deras behov", "",
                new NeedGroup("Alla", 100), Set.of(KindOfEffort.CARE), null, 2026), "tjansteperson", SORMLAND.value());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> new Api(web)
                .get("/api/v1/regions/sormland/needs/" + theirs, "sormland-revisor").expectStatus().isOk());
        String nowhere = NeedId.random().value();

        for (String query : new String[] {"", "?minVersion=99999&wait=0", "?minVersion=0&wait=0"}) {
            EntityExchangeResult<Map> asked = get("/api/v1/regions/halland/needs/" + theirs + query);
            EntityExchangeResult<Map> unknown = get("/api/v1/regions/halland/needs/" + nowhere + query);
            assertThat(asked.getStatus()).as(query).isEqualTo(unknown.getStatus()).isNotEqualTo(HttpStatus.OK);
            assertThat(asked.getResponseBody().get("standsAt")).as(query).isEqualTo(unknown.getResponseBody().get("standsAt"));
        }
    }

    private EntityExchangeResult<Map> get(String path) {
        return new Api(web).get(path, "halland-revisor").expectBody(Map.class).returnResult();
    }
}

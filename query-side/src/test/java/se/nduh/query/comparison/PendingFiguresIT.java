package se.nduh.query.comparison;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.query.keys.RegionKeys;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A figure left pending (Kafka did not take it when the publisher's batch ended) is sent on its own, without any
 * new event of its region, and then settled.
 */
@PlatformIT
class PendingFiguresIT {

    @Autowired
    WebTestClient web;
    @Autowired
    MongoDatabase readDatabase;
    @Autowired
    RegionKeys keys;
    @Autowired
    com.mongodb.reactivestreams.client.MongoClient mongo;

    @Test
    void a_pending_figure_reaches_the_network_without_a_new_event() {
        keys.keyOf(RegionCode.of("gotland"));
        String pseudonym = keys.pseudonymOf(RegionCode.of("gotland"), Period.of("2019")).orElseThrow();
        String record = """
                {"schemaVersion":1,"metric":"needs.described","period":"2019","region":"%s","named":false,\
                "value":7,"suppressed":false,"itemCount":7,"revision":1}""".formatted(pseudonym);
        Mono.from(readDatabase.getCollection("comparison_figures").insertOne(new Document("_id", "gotland|needs.described|2019")
                .append("region", "gotland").append("record", record).append("retract", List.of())
                .append("gone", false).append("pending", true).append("written", "w-1"))).block();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(comparisons())
                .anySatisfy(sent -> assertThat(sent).containsEntry("region", pseudonym).containsEntry("period", "2019")));
        await().atMost(Duration.ofSeconds(30)).until(() -> Mono.from(readDatabase.getCollection("comparison_figures")
                .find(Filters.eq("_id", "gotland|needs.described|2019")).first()).map(figure -> !figure.getBoolean("pending")).block());
    }

    @Test
    void a_region_marked_stale_again_while_its_figures_were_recomputed_stays_stale() {
        // A database of its own, out of the scheduled refresh's way.
        StaleRegions stale = new StaleRegions(mongo.getDatabase("stale-regions-test"));
        String region = "gotland";
        stale.mark(List.of(region));
        StaleRegions.Stale read = stale.all().stream().filter(found -> found.region().equals(region)).findFirst().orElseThrow();
        stale.mark(List.of(region));

        stale.refreshed(read);
        assertThat(stale.all()).extracting(StaleRegions.Stale::region).contains(region);
        stale.refreshed(stale.all().stream().filter(found -> found.region().equals(region)).findFirst().orElseThrow());
        assertThat(stale.all()).extracting(StaleRegions.Stale::region).doesNotContain(region);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> comparisons() {
        return new Api(web).get("/api/v1/comparisons", "samordnare-1").expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
    }
}

package se.nduh.query.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.kernel.comparison.AnonymisationPolicy;
import se.nduh.kernel.need.Direction;
import se.nduh.kernel.need.HealthIndicator;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedGroup;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.RunningServers;
import se.nduh.localplatform.testing.StoredEvents;
import se.nduh.query.QuerySideApplication;
import se.nduh.query.keys.RegionKeys;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Region deployments in miniature: query sides of their own, each serving one region from its own event store, read
 * models and keys, on the one broker. What a region publishes reaches the others' benchmarking views, where only the
 * region itself can tell its entry; a region that joins later appears in the views of those already there; no
 * deployment takes another region's users or paths.
 */
class FederatedDeploymentsIT {

    private static final int YEAR = 2031;
    private static final String METRIC = "/api/v1/benchmarks/needs.described?period=" + YEAR;

    @Test
    void each_regions_records_reach_the_others_views_a_later_region_joins_them_and_no_deployment_serves_another_region() {
        try (Deployment halland = new Deployment("halland"); Deployment skane = new Deployment("skane")) {
            halland.describeNeeds(6);
            String hallands = halland.pseudonym();

            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(skane.entries("skane-fortroendevald"))
                    .contains(hallands));
            assertThat(skane.own("skane-fortroendevald")).isEmpty();
            assertThat(halland.own("halland-fortroendevald")).containsExactly(hallands);

            // neither deployment takes the other region's users, nor answers for its paths
            skane.api().get("/api/v1/regions/halland/needs", "halland-tjansteperson").expectStatus().isNotFound()
                    .expectBody().jsonPath("$.rule").isEqualTo("RegionNotServedHere");
            halland.api().get("/api/v1/regions/skane/needs", "skane-tjansteperson").expectStatus().isNotFound()
                    .expectBody().jsonPath("$.rule").isEqualTo("RegionNotServedHere");
            halland.api().get("/api/v1/benchmarks", "skane-fortroendevald").expectStatus().isForbidden();

            try (Deployment vasterbotten = new Deployment("vasterbotten")) {
                vasterbotten.describeNeeds(7);
                String joined = vasterbotten.pseudonym();
                await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                    assertThat(skane.entries("skane-fortroendevald")).contains(hallands, joined);
                    assertThat(halland.entries("halland-fortroendevald")).contains(hallands, joined);
                });
                await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(vasterbotten.entries("vasterbotten-fortroendevald"))
                        .contains(hallands, joined));
            }
        }
    }

    /** One region's deployment: a query side serving it only, with databases and keys of its own. */
    private static final class Deployment implements AutoCloseable {

        private final RegionCode region;
        private final ConfigurableApplicationContext context;
        private final Api api;

        Deployment(String region) {
            this.region = RegionCode.of(region);
            this.context = new SpringApplicationBuilder(QuerySideApplication.class)
                    .initializers(new RunningServers.ContextInitializer())
                    .run("--server.port=0", "--nduh.served-regions=" + region);
            this.api = new Api(WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30))
                    .baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")).build());
        }

        Api api() {
            return api;
        }

        /** The region's civil servants describe needs for the budget year, as its command side would store them. */
        void describeNeeds(int count) {
            EventStore events = context.getBean(EventStore.class);
            for (int i = 0; i < count; i++) {
                NeedId need = NeedId.random();
                StoredEvents.append(events, "Need", need.value(), 0, new NeedProposed(need, region, "Behov " + i, "Beskrivning",
                        new NeedGroup("Vuxna", 12000), Set.of(KindOfEffort.PREVENTIVE), new HealthIndicator("Andel", new BigDecimal("12"), "%",
                        Direction.LOWER_IS_BETTER, "Källa", Period.of(Integer.toString(YEAR - 1)), null), YEAR),
                        "tjansteperson", region.value());
            }
        }

        /** Its pseudonym for the year: only this deployment holds the key it comes from. */
        String pseudonym() {
            return AnonymisationPolicy.pseudonym(context.getBean(RegionKeys.class).keyOf(region), Period.year(YEAR));
        }

        /** The regions of the year's view, as a user here sees them. */
        List<String> entries(String user) {
            return view(user).get("entries").get("items").findValuesAsText("region");
        }

        /** The entries marked as the user's own region. */
        List<String> own(String user) {
            List<String> own = new ArrayList<>();
            view(user).get("entries").get("items").forEach(entry -> {
                if (entry.get("own").asBoolean()) {
                    own.add(entry.get("region").asText());
                }
            });
            return own;
        }

        private JsonNode view(String user) {
            return api.get(METRIC, user).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        }

        @Override
        public void close() {
            context.close();
        }
    }
}

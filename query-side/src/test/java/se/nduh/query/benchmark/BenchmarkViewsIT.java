package se.nduh.query.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.kernel.comparison.AnonymisationPolicy;
import se.nduh.kernel.comparison.ComparisonRecord;
import se.nduh.kernel.comparison.Metrics;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.RunningServers;
import se.nduh.query.DeploymentKeys;
import se.nduh.query.SignedRecords.OutsideRegion;
import se.nduh.query.SignedRecords;
import se.nduh.query.keys.RegionKeys;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The benchmarking views over the real Kafka broker and MongoDB-protocol server: records of a known network
 * (six foreign pseudonyms, Halland and Skåne under their own pseudonyms, one suppressed, one named region) go
 * onto the topic as any region's publisher would put them, and the views answer their median, quartiles and
 * ranks, mark Halland's entry for Halland's users only, and never tell one region another's pseudonym.
 * The periods 2998 and 2999 are this test's own: the topic is shared by every test context of the JVM.
 */
@PlatformIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BenchmarkViewsIT {

    private static final RegionCode HALLAND = RegionCode.of("halland");
    private static final RegionCode SKANE = RegionCode.of("skane");
    private static final RegionCode VASTERBOTTEN = RegionCode.of("vasterbotten");
    // Higher is better; an indicator no other test of the run publishes, so its periods are this test's alone.
    private static final String QUALITY = Metrics.indicatorCode("palliative-breakpoint");
    private static final String DESCRIBED = Metrics.NEEDS_DESCRIBED.code();      // better neither way
    private static final String HALLAND_USER = "halland-tjansteperson";
    private static final String SKANE_USER = "skane-revisor";
    private static final String COORDINATOR = "samordnare-1";

    @Autowired
    WebTestClient web;
    @Autowired
    ObjectMapper json;
    @Autowired
    RegionKeys regionKeys;
    @Value("${nduh.anonymisation.keys-file}")
    Path keysFile;

    private KafkaProducer<String, String> producer;
    private final List<ComparisonRecord> network = new ArrayList<>();
    /** Each region's secret, by how it appears in records: what signs them. */
    private final Map<String, byte[]> secrets = new HashMap<>();
    private String halland2999;
    private String skane2999;
    private String skane2998;

    @BeforeAll
    void publish_a_known_network() throws Exception {
        // The deployment serves both regions: their keys exist (as once they have published), and the test
        // reads them from the deployment's key file, as only the deployment itself can.
        regionKeys.keyOf(HALLAND);
        regionKeys.keyOf(SKANE);
        regionKeys.keyOf(VASTERBOTTEN);
        halland2999 = pseudonym(HALLAND, "2999");
        skane2999 = pseudonym(SKANE, "2999");
        skane2998 = pseudonym(SKANE, "2998");

        network.addAll(List.of(
                figure(QUALITY, "2999", halland2999, "3.5", 8),
                figure(QUALITY, "2999", skane2999, "4.2", 6),
                figure(QUALITY, "2999", outside(1, "2999"), "2.0", 7),
                figure(QUALITY, "2999", outside(2, "2999"), "3.0", 12),
                figure(QUALITY, "2999", outside(3, "2999"), "4.5", 5),
                figure(QUALITY, "2999", outside(4, "2999"), "1.5", 30),
                figure(QUALITY, "2999", outside(5, "2999"), "3.5", 9),
                new ComparisonRecord(1, QUALITY, "2999", outside(6, "2999"), false, null, true, null, 5),
                new ComparisonRecord(1, QUALITY, "2999", "vasterbotten", true, new BigDecimal("5.0"), false, 9, 5),
                figure(QUALITY, "2998", pseudonym(HALLAND, "2998"), "2.0", 6),
                figure(QUALITY, "2998", skane2998, "1.0", 6),
                figure(QUALITY, "2998", outside(11, "2998"), "3.0", 6),
                figure(QUALITY, "2998", outside(12, "2998"), "4.0", 6),
                figure(DESCRIBED, "2999", halland2999, "7", 7),
                figure(DESCRIBED, "2999", outside(1, "2999"), "5", 5),
                figure(DESCRIBED, "2999", outside(2, "2999"), "9", 9)));
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningServers.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
        for (RegionCode served : List.of(HALLAND, SKANE, VASTERBOTTEN)) {
            byte[] secret = DeploymentKeys.secret(keysFile, served);
            secrets.put(served.value(), secret);
            List.of("2997", "2998", "2999").forEach(period -> secrets.put(AnonymisationPolicy.pseudonym(secret, Period.of(period)), secret));
        }
        for (ComparisonRecord record : network) {
            send(record);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> view("/api/v1/benchmarks/" + QUALITY + "/trend", COORDINATOR)
                .path("network").findValues("regions").stream().mapToInt(JsonNode::asInt).sum() == 13);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                view("/api/v1/benchmarks/" + DESCRIBED + "?period=2999", COORDINATOR).path("regions").asInt() == 3);
    }

    @AfterAll
    void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    @Order(1)
    void the_network_median_and_quartiles_are_over_the_unsuppressed_values_and_the_own_rank_in_the_better_direction() {
        JsonNode view = view("/api/v1/benchmarks/" + QUALITY, HALLAND_USER);

        // 1.5 2.0 3.0 3.5 3.5 4.2 4.5 5.0 (the suppressed one left out): type 7 quartiles
        assertThat(view.path("period").asText()).as("the latest period by default").isEqualTo("2999");
        assertThat(view.path("regions").asInt()).isEqualTo(9);
        assertThat(view.path("suppressedRegions").asInt()).isEqualTo(1);
        assertThat(view.path("lowerQuartile").decimalValue()).isEqualByComparingTo("2.75");
        assertThat(view.path("median").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(view.path("upperQuartile").decimalValue()).isEqualByComparingTo("4.275");
        assertThat(view.path("rank").asInt()).as("5.0, 4.5 and 4.2 are higher; the other 3.5 ties").isEqualTo(4);
        assertThat(view.path("rankedAmong").asInt()).isEqualTo(8);
        assertThat(view.path("metric").path("better").asText()).isEqualTo("HIGHER");
        assertThat(view.path("metric").path("periods")).extracting(JsonNode::asText).containsExactly("2998", "2999");

        List<JsonNode> entries = entries(view);
        assertThat(entries).extracting(entry -> entry.path("value").isNull() ? null : entry.path("value").asDouble())
                .as("best first, suppressed last, never as zero")
                .containsExactly(5.0, 4.5, 4.2, 3.5, 3.5, 3.0, 2.0, 1.5, null);
        JsonNode suppressed = entries.get(8);
        assertThat(suppressed.path("suppressed").asBoolean()).isTrue();
        assertThat(suppressed.path("itemCount").isNull()).isTrue();
        JsonNode named = entries.get(0);
        assertThat(named.path("region").asText()).isEqualTo("vasterbotten");
        assertThat(named.path("named").asBoolean()).isTrue();
    }

    @Test
    @Order(2)
    void a_region_user_sees_exactly_their_own_entry_marked() {
        JsonNode view = view("/api/v1/benchmarks/" + QUALITY + "?period=2999", HALLAND_USER);

        assertThat(view.path("ownRegion").asText()).isEqualTo("halland");
        assertThat(entries(view).stream().filter(entry -> entry.path("own").asBoolean()))
                .singleElement().satisfies(own -> {
                    assertThat(own.path("region").asText()).isEqualTo(halland2999);
                    assertThat(own.path("value").decimalValue()).isEqualByComparingTo("3.5");
                });

        JsonNode skanes = view("/api/v1/benchmarks/" + QUALITY + "?period=2999", SKANE_USER);
        assertThat(entries(skanes).stream().filter(entry -> entry.path("own").asBoolean()))
                .singleElement().satisfies(own -> assertThat(own.path("region").asText()).isEqualTo(skane2999));
        assertThat(skanes.path("rank").asInt()).isEqualTo(3);
    }

    @Test
    @Order(3)
    void a_coordinator_sees_every_entry_with_none_marked_and_no_rank() {
        JsonNode view = view("/api/v1/benchmarks/" + QUALITY + "?period=2999", COORDINATOR);

        assertThat(view.path("ownRegion").isNull()).isTrue();
        assertThat(view.path("rank").isNull()).isTrue();
        assertThat(entries(view)).hasSize(9).noneMatch(entry -> entry.path("own").asBoolean());
        assertThat(view.path("median").decimalValue()).isEqualByComparingTo("3.5");

        JsonNode trend = view("/api/v1/benchmarks/" + QUALITY + "/trend", COORDINATOR);
        assertThat(trend.path("own").isNull()).isTrue();
    }

    @Test
    @Order(4)
    void a_metric_better_neither_way_marks_the_own_entry_but_ranks_nothing() {
        JsonNode view = view("/api/v1/benchmarks/" + DESCRIBED + "?period=2999", HALLAND_USER);

        assertThat(view.path("rank").isNull()).isTrue();
        assertThat(view.path("median").decimalValue()).isEqualByComparingTo("7");
        assertThat(entries(view)).filteredOn(entry -> entry.path("own").asBoolean()).singleElement()
                .satisfies(own -> assertThat(own.path("region").asText()).isEqualTo(halland2999));
    }

    @Test
    @Order(5)
    void no_answer_lets_one_region_learn_another_regions_pseudonym() {
        List<String> answers = List.of(
                body("/api/v1/benchmarks", HALLAND_USER),
                body("/api/v1/benchmarks/" + QUALITY + "?period=2999", HALLAND_USER),
                body("/api/v1/benchmarks/" + QUALITY + "?period=2998", HALLAND_USER),
                body("/api/v1/benchmarks/" + QUALITY + "/trend", HALLAND_USER));
        assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain("skane"));
        assertThat(entries(view("/api/v1/benchmarks/" + QUALITY + "?period=2999", HALLAND_USER)))
                .filteredOn(entry -> entry.path("region").asText().equals(skane2999)).singleElement()
                .satisfies(skanes -> assertThat(skanes.path("own").asBoolean()).isFalse());
        assertThat(body("/api/v1/benchmarks/" + QUALITY + "/trend", HALLAND_USER))
                .doesNotContain(skane2999).doesNotContain(skane2998).doesNotContain(halland2999);

        // Viewing as another region is refused, on both views that mark an entry.
        for (String path : List.of("/api/v1/benchmarks/" + QUALITY + "?period=2999&region=skane",
                "/api/v1/benchmarks/" + QUALITY + "/trend?region=skane")) {
            new Api(web).get(path, HALLAND_USER).expectStatus().isForbidden()
                    .expectBody().jsonPath("$.rule").isEqualTo("BenchmarkRegionNotOwn").jsonPath("$.field").isEqualTo("region");
            new Api(web).get(path, COORDINATOR).expectStatus().isForbidden();
        }
        // Naming one's own region is the same as the default.
        assertThat(view("/api/v1/benchmarks/" + QUALITY + "?period=2999&region=halland", HALLAND_USER))
                .isEqualTo(view("/api/v1/benchmarks/" + QUALITY + "?period=2999", HALLAND_USER));
    }

    @Test
    @Order(6)
    void the_trend_gives_the_network_per_period_and_the_own_series() {
        JsonNode trend = view("/api/v1/benchmarks/" + QUALITY + "/trend", HALLAND_USER);

        assertThat(trend.path("ownRegion").asText()).isEqualTo("halland");
        JsonNode network = trend.path("network");
        assertThat(network).extracting(point -> point.path("period").asText()).containsExactly("2998", "2999");
        // 2998: 1.0 2.0 3.0 4.0
        assertThat(network.get(0).path("lowerQuartile").decimalValue()).isEqualByComparingTo("1.75");
        assertThat(network.get(0).path("median").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(network.get(0).path("upperQuartile").decimalValue()).isEqualByComparingTo("3.25");
        assertThat(network.get(0).path("regions").asInt()).isEqualTo(4);
        assertThat(network.get(1).path("median").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(network.get(1).path("upperQuartile").decimalValue()).isEqualByComparingTo("4.275");
        assertThat(network.get(1).path("suppressedRegions").asInt()).isEqualTo(1);

        JsonNode own = trend.path("own");
        assertThat(own).extracting(point -> point.path("period").asText()).containsExactly("2998", "2999");
        assertThat(own.get(0).path("value").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(own.get(0).path("rank").asInt()).isEqualTo(3);
        assertThat(own.get(1).path("value").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(own.get(1).path("rank").asInt()).isEqualTo(4);
    }

    @Test
    @Order(7)
    void the_metric_list_names_every_metric_with_its_direction_and_periods() {
        JsonNode list = view("/api/v1/benchmarks?size=200", "halland-utforare");

        assertThat(list.path("total").asInt()).isGreaterThan(Metrics.CYCLE.size());
        JsonNode quality = StreamSupport.stream(list.path("items").spliterator(), false)
                .filter(metric -> metric.path("code").asText().equals(QUALITY)).findFirst().orElseThrow();
        assertThat(quality.path("label").asText()).isEqualTo("Andel med dokumenterat brytpunktssamtal i livets slutskede");
        assertThat(quality.path("area").asText()).isEqualTo("INDICATORS");
        assertThat(quality.path("areaLabel").asText()).isEqualTo("Indikatorer");
        assertThat(list.path("items")).anyMatch(metric -> metric.path("code").asText().equals(Metrics.EVIDENCE_QUALITY.code())
                && metric.path("area").asText().equals("NEEDS") && metric.path("areaLabel").asText().equals("Behov"));
        assertThat(quality.path("better").asText()).isEqualTo("HIGHER");
        assertThat(quality.path("periods")).extracting(JsonNode::asText).contains("2998", "2999");
        assertThat(list.path("items")).anyMatch(metric -> metric.path("code").asText().startsWith("indicator.")
                && metric.path("area").asText().equals("INDICATORS"));

        JsonNode indicators = view("/api/v1/benchmarks?area=INDICATORS&size=1", COORDINATOR);
        assertThat(indicators.path("items")).hasSize(1);
        assertThat(indicators.path("size").asInt()).isEqualTo(1);
    }

    @Test
    @Order(8)
    void an_unknown_metric_and_a_malformed_period_are_problems_naming_the_field() {
        new Api(web).get("/api/v1/benchmarks/needs.nonexistent", HALLAND_USER).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.rule").isEqualTo("UnknownMetric").jsonPath("$.field").isEqualTo("metric");
        new Api(web).get("/api/v1/benchmarks/needs.nonexistent/trend", COORDINATOR).expectStatus().isNotFound()
                .expectBody().jsonPath("$.field").isEqualTo("metric");
        new Api(web).get("/api/v1/benchmarks/" + QUALITY + "?period=2999-Q5", HALLAND_USER).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("period");
    }

    @Test
    @Order(9)
    void the_views_are_in_the_openapi_description() {
        String description = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(description).contains("/api/v1/benchmarks\"", "/api/v1/benchmarks/{metric}\"",
                "/api/v1/benchmarks/{metric}/trend\"", "UnknownMetric", "lowerQuartile");
    }

    @Test
    @Order(10)
    void the_same_records_sent_again_and_an_older_revision_change_nothing() throws Exception {
        String before = body("/api/v1/benchmarks/" + QUALITY + "?period=2999", HALLAND_USER);
        String trendBefore = body("/api/v1/benchmarks/" + QUALITY + "/trend", HALLAND_USER);

        for (ComparisonRecord record : network) {
            send(record);
        }
        send(new ComparisonRecord(1, QUALITY, "2999", halland2999, false, new BigDecimal("0.1"), false, 50, 4));
        // The consumer applies each partition in order: once a marker behind them has arrived on every
        // partition, so has every record sent before it.
        int partitions = producer.partitionsFor(ComparisonRecord.TOPIC).size();
        for (int partition = 0; partition < partitions; partition++) {
            ComparisonRecord marker = figure(DESCRIBED, "2997", outside(20 + partition, "2997"), "1", 5);
            producer.send(SignedRecords.comparison(marker, secrets.get(marker.region()), partition, json)).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                view("/api/v1/benchmarks/" + DESCRIBED + "?period=2997", COORDINATOR).path("regions").asInt() == partitions);

        assertThat(body("/api/v1/benchmarks/" + QUALITY + "?period=2999", HALLAND_USER)).isEqualTo(before);
        assertThat(body("/api/v1/benchmarks/" + QUALITY + "/trend", HALLAND_USER)).isEqualTo(trendBefore);
    }

    private static ComparisonRecord figure(String metric, String period, String region, String value, int count) {
        return new ComparisonRecord(1, metric, period, region, false, new BigDecimal(value), false, count, 5);
    }

    private void send(ComparisonRecord record) throws Exception {
        producer.send(SignedRecords.comparison(record, secrets.get(record.region()), null, json)).get();
    }

    /** The pseudonym of a region outside the deployment, its secret noted for signing. */
    private String outside(int number, String period) {
        OutsideRegion region = OutsideRegion.number(number);
        String pseudonym = region.pseudonym(period);
        secrets.put(pseudonym, region.secret());
        return pseudonym;
    }

    private String pseudonym(RegionCode region, String period) throws IOException {
        return DeploymentKeys.pseudonym(keysFile, region, period);
    }

    private String body(String path, String user) {
        return new Api(web).get(path, user).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private JsonNode view(String path, String user) {
        try {
            return json.readTree(body(path, user));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> entries(JsonNode view) {
        return StreamSupport.stream(view.path("entries").path("items").spliterator(), false).toList();
    }
}

package se.nduh.query.comparison;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import se.nduh.kernel.comparison.ComparisonRecord;
import se.nduh.kernel.comparison.Metrics;
import se.nduh.kernel.need.Direction;
import se.nduh.kernel.need.EvidenceAttached;
import se.nduh.kernel.need.EvidenceId;
import se.nduh.kernel.need.EvidenceKind;
import se.nduh.kernel.need.HealthIndicator;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedGroup;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.RunningServers;
import se.nduh.localplatform.testing.StoredEvents;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker stops for longer than a minute while a region's comparison figures are published, then starts again:
 * meanwhile the figures wait as pending and {@code /actuator/health} says the comparison subscription and Kafka are
 * down; afterwards every figure is settled, the board holds each one's last record exactly once, and health is up.
 */
// Stops the broker every context of the run shares, and counts every figure of its read database: a context of its own,
// whose retry of pending figures runs every 2 s so that the time after the restart is not spent waiting for its next round.
@PlatformIT
@TestPropertySource(properties = {"nduh.test.context=BrokerOutageIT", "nduh.comparison.retry-pending-every=PT2S"})
@DirtiesContext
class BrokerOutageIT {

    private static final RegionCode VASTMANLAND = RegionCode.of("vastmanland");
    private static final int YEAR = 2025;
    private static final Duration OUTAGE = Duration.ofSeconds(65);
    private static final String OPERATOR = "drift-1";
    private static final String HEALTH_OF_SUBSCRIPTION = "comparisonSubscription";
    private static final String HEALTH_OF_KAFKA = "kafka";

    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabase readDatabase;
    @Autowired
    ObjectMapper json;
    @Autowired
    WebTestClient web;

    private final List<NeedId> proposed = new ArrayList<>();

    /** A figure as the outbox keeps it: the record it last made, and whether Kafka has it yet. */
    private record Figure(ComparisonRecord record, boolean pending) {
    }

    /** What an operator polling health saw during the outage, and how many figures were pending then. */
    private record Seen(String subscription, String kafka, long pending) {

        boolean down() {
            return "DOWN".equals(subscription) && "DOWN".equals(kafka);
        }
    }

    @Test
    void after_the_broker_was_stopped_for_over_a_minute_while_figures_were_published_the_views_converge_and_health_said_so_meanwhile() {
        proposeNeeds(5);
        await().atMost(Duration.ofSeconds(60)).until(() -> describedNeeds(false) == proposed.size() && settledAndOnTheBoard()
                && "UP".equals(health().get("status")));

        int describedBefore = proposed.size();
        List<Seen> seen = new CopyOnWriteArrayList<>();
        AtomicReference<Duration> outage = new AtomicReference<>();
        RunningServers.withKafkaStopped(() -> {
            Instant stopped = Instant.now();
            List<NeedId> proposedMeanwhile = proposeNeeds(3);
            // The publisher made the new figures while the broker was away: they wait in the outbox.
            await().atMost(Duration.ofSeconds(30)).until(() -> describedNeeds(true) > describedBefore);
            await().atMost(Duration.ofSeconds(40)).until(() -> observe(seen).down());
            // Events go on arriving while the broker is away: the figures that must go out at last are theirs.
            proposedMeanwhile.forEach(this::attachEvidence);
            proposeNeeds(3);
            // The rest of the minute: health stays DOWN and the figures pending at every look, not only at the last. A look
            // takes Kafka's health check's 3 s; the slack is for those, too short for a flap to be made good within it.
            Duration rest = OUTAGE.minus(Duration.between(stopped, Instant.now()));
            await().during(rest).atMost(rest.plusSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        Seen now = observe(seen);
                        return now.down() && now.pending() > 0;
                    });
            outage.set(Duration.between(stopped, Instant.now()));
        });
        long outageSeconds = outage.get().toSeconds();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> settledAndOnTheBoard()
                && "UP".equals(health().get("status")) && "UP".equals(health().get(HEALTH_OF_SUBSCRIPTION)));
        Map<String, ComparisonRecord> made = figures().stream().map(Figure::record)
                .collect(Collectors.toMap(ComparisonRecord::key, Function.identity()));
        List<ComparisonRecord> boardOfOurKeys = board().stream().filter(record -> made.containsKey(record.key())).toList();
        // What was acknowledged and did not arrive: needs the board's figure does not count, and figures the outbox
        // made that the board does not hold as made.
        int counted = boardOfOurKeys.stream().filter(BrokerOutageIT::needsDescribed)
                .map(record -> Objects.requireNonNullElse(record.itemCount(), 0)).findFirst().orElse(0);
        long lost = proposed.size() - counted
                + made.values().stream().filter(record -> boardOfOurKeys.stream().noneMatch(onBoard -> sameRecord(onBoard, record)))
                .count();
        long duplicated = extraCopies(boardOfOurKeys, ComparisonRecord::key);
        boolean downThroughout = !seen.isEmpty() && seen.subList(firstDown(seen), seen.size()).stream().allMatch(Seen::down);
        System.out.printf("FAULT-SUITE | broker stopped %d s while publishing | figures published %d | lost %d | duplicated %d"
                + " | health DOWN during outage: %s%n", outageSeconds, made.size(), lost, duplicated, downThroughout ? "yes" : "no");

        assertThat(outageSeconds).isGreaterThanOrEqualTo(OUTAGE.toSeconds());
        assertThat(downThroughout).as("health DOWN from the first look that saw it to the broker's start: %s", seen).isTrue();
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
        new Api(web).get("/api/v1/benchmarks/" + Metrics.NEEDS_DESCRIBED.code() + "/trend", "vastmanland-tjansteperson")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.own[?(@.period == '" + YEAR + "')].value").isEqualTo(List.of(proposed.size()));
        assertThat(health()).containsEntry("status", "UP").containsEntry(HEALTH_OF_SUBSCRIPTION, "UP")
                .containsEntry(HEALTH_OF_KAFKA, "UP");
    }

    private Seen observe(List<Seen> seen) {
        Map<String, String> health = health();
        Seen now = new Seen(health.get(HEALTH_OF_SUBSCRIPTION), health.get(HEALTH_OF_KAFKA),
                figures().stream().filter(Figure::pending).count());
        seen.add(now);
        return now;
    }

    private static int firstDown(List<Seen> seen) {
        for (int i = 0; i < seen.size(); i++) {
            if (seen.get(i).down()) {
                return i;
            }
        }
        return seen.size();
    }

    /** Every figure settled, and the board holding the very record the outbox last made of each. */
    private boolean settledAndOnTheBoard() {
        List<Figure> figures = figures();
        List<ComparisonRecord> board = board();
        return !figures.isEmpty() && figures.stream().noneMatch(Figure::pending)
                && figures.stream().allMatch(figure -> board.stream().anyMatch(onBoard -> sameRecord(onBoard, figure.record())));
    }

    /** The board keeps values as BSON numbers, so a value is compared as a number, not by its scale. */
    private static boolean sameRecord(ComparisonRecord a, ComparisonRecord b) {
        return a.key().equals(b.key()) && a.revision() == b.revision() && a.suppressed() == b.suppressed()
                && a.named() == b.named() && Objects.equals(a.itemCount(), b.itemCount())
                && (a.value() == null ? b.value() == null : b.value() != null && a.value().compareTo(b.value()) == 0);
    }

    private static <T> long extraCopies(List<T> items, Function<T, String> identity) {
        return items.size() - items.stream().map(identity).distinct().count();
    }

    /** The needs behind the region's figure of needs described in the year while it is in that state, else 0. */
    private int describedNeeds(boolean pending) {
        return described().filter(figure -> figure.pending() == pending).map(figure -> figure.record().itemCount()).orElse(0);
    }

    private Optional<Figure> described() {
        return figures().stream().filter(figure -> needsDescribed(figure.record())).findFirst();
    }

    private static boolean needsDescribed(ComparisonRecord record) {
        return record.metric().equals(Metrics.NEEDS_DESCRIBED.code()) && record.period().equals(Integer.toString(YEAR));
    }

    /** The outbox's figures of this context's read database (only this test's region), gone ones left out. */
    private List<Figure> figures() {
        return Flux.from(readDatabase.getCollection("comparison_figures").find())
                .filter(figure -> !figure.getBoolean("gone"))
                .map(figure -> new Figure(record(figure), figure.getBoolean("pending"))).collectList().block(Duration.ofSeconds(10));
    }

    private ComparisonRecord record(Document figure) {
        try {
            return json.readValue(figure.getString("record"), ComparisonRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ComparisonRecord> board() {
        return new Api(web).get("/api/v1/comparisons", "samordnare-1").expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<ComparisonRecord>>() {
                }).returnResult().getResponseBody();
    }

    /** The overall status and each component's, as anyone asking {@code /actuator/health} sees them (no details, ever). */
    @SuppressWarnings("unchecked")
    private Map<String, String> health() {
        Map<String, Object> body = new Api(web).get("/actuator/health", OPERATOR).expectBody(Map.class).returnResult().getResponseBody();
        Map<String, String> statuses = new HashMap<>();
        statuses.put("status", (String) body.get("status"));
        ((Map<String, Map<String, Object>>) body.get("components"))
                .forEach((name, component) -> statuses.put(name, (String) component.get("status")));
        return statuses;
    }

    private List<NeedId> proposeNeeds(int count) {
        List<NeedId> needs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            NeedId need = NeedId.random();
            StoredEvents.append(eventStore, "Need", need.value(), 0, new NeedProposed(need, VASTMANLAND, "Behov", "Beskrivning",
                    new NeedGroup("Vuxna 65+", 30000), Set.of(KindOfEffort.PREVENTIVE), new HealthIndicator("Andel fallolyckor",
                    new BigDecimal("4"), "%", Direction.LOWER_IS_BETTER, "Regionens statistik", Period.year(YEAR - 1), null), YEAR),
                    "tjansteperson", VASTMANLAND.value());
            needs.add(need);
        }
        proposed.addAll(needs);
        return needs;
    }

    private void attachEvidence(NeedId need) {
        StoredEvents.append(eventStore, "Need", need.value(), 1, new EvidenceAttached(need, VASTMANLAND, EvidenceId.random(),
                EvidenceKind.EPIDEMIOLOGY, "Regionens statistik", "Sammanställning", 4, 3), "tjansteperson", VASTMANLAND.value());
    }
}

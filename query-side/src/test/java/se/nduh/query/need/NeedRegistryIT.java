package se.nduh.query.need;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import se.nduh.kernel.need.Direction;
import se.nduh.kernel.need.EquityDimension;
import se.nduh.kernel.need.EvidenceAttached;
import se.nduh.kernel.need.EvidenceId;
import se.nduh.kernel.need.EvidenceKind;
import se.nduh.kernel.need.EvidenceWithdrawn;
import se.nduh.kernel.need.Grade;
import se.nduh.kernel.need.HealthGap;
import se.nduh.kernel.need.HealthIndicator;
import se.nduh.kernel.need.HealthInequity;
import se.nduh.kernel.need.HealthInequityDescribed;
import se.nduh.kernel.need.HealthTargetSet;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedAssessed;
import se.nduh.kernel.need.NeedAssessment;
import se.nduh.kernel.need.NeedGroup;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.need.NeedRevised;
import se.nduh.kernel.need.NeedWithdrawn;
import se.nduh.kernel.need.PopulationGroup;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.priority.EthicalPrinciple;
import se.nduh.kernel.priority.PrioritiesRanked;
import se.nduh.kernel.priority.PriorityRoundId;
import se.nduh.kernel.priority.PriorityRoundOpened;
import se.nduh.kernel.priority.RankedNeed;
import se.nduh.kernel.priority.RankingCriterion;
import se.nduh.kernel.region.RegionCode;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.StoredEvents;
import se.nduh.localplatform.testing.TestUsers;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The need registry over the real store: every need event shows, filters and pages work, repeats change nothing. */
@PlatformIT
class NeedRegistryIT {

    private static final RegionCode BLEKINGE = RegionCode.of("blekinge");
    private static final HealthIndicator OBESITY = new HealthIndicator("Andel barn med fetma", new BigDecimal("18.5"), "%",
            Direction.LOWER_IS_BETTER, "Elevhälsan", Period.of("2025"), null);

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;
    @Autowired
    NeedProjection projection;
    @Autowired
    MongoDatabase readDatabase;

    @Test
    void the_registry_shows_target_gap_evidence_score_assessment_revisions_and_status() {
        NeedId need = NeedId.random();
        EvidenceId survey = EvidenceId.of("e-survey");
        EvidenceId dialogue = EvidenceId.of("e-dialogue");
        store(need, new NeedProposed(need, BLEKINGE, "Fetma bland barn", "Ökar", new NeedGroup("Barn", 9000),
                        Set.of(KindOfEffort.PREVENTIVE), OBESITY, 2025),
                new HealthTargetSet(need, BLEKINGE, new BigDecimal("12"), 2030,
                        HealthGap.between(new BigDecimal("18.5"), new BigDecimal("12"), Direction.LOWER_IS_BETTER)),
                new EvidenceAttached(need, BLEKINGE, survey, EvidenceKind.SELF_REPORTED, "HLV", "", 4, 3),
                new EvidenceAttached(need, BLEKINGE, dialogue, EvidenceKind.DIALOGUE, "Föräldrar", "", 2, 1),
                new EvidenceWithdrawn(need, BLEKINGE, dialogue, "För litet underlag"),
                new NeedAssessed(need, BLEKINGE, new NeedAssessment(true, "Påverkbart", Grade.HIGH, Grade.MODERATE,
                        Grade.HIGH, Grade.MODERATE, 9000)),
                new NeedRevised(need, BLEKINGE, "Fetma bland barn 6-12 år", "Ökar", new NeedGroup("Barn 6-12 år", 9000),
                        Set.of(KindOfEffort.PREVENTIVE, KindOfEffort.HEALTH_PROMOTING), OBESITY, "Preciserad grupp",
                        "Ny statistik", HealthGap.between(new BigDecimal("18.5"), new BigDecimal("12"), Direction.LOWER_IS_BETTER)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/v1/regions/blekinge/needs/" + need)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.title").isEqualTo("Fetma bland barn 6-12 år")
                .jsonPath("$.target.value").isEqualTo(12)
                .jsonPath("$.gap.absolute").isEqualTo(6.5)
                .jsonPath("$.evidence.length()").isEqualTo(2)
                .jsonPath("$.evidence[1].withdrawn").isEqualTo(true)
                .jsonPath("$.evidenceScore").isEqualTo(4.0)
                .jsonPath("$.populationLevelEvidence").isEqualTo(true)
                .jsonPath("$.assessment.severity").isEqualTo("HIGH")
                .jsonPath("$.status").isEqualTo("ASSESSED")
                .jsonPath("$.revisions[0].change").isEqualTo("Preciserad grupp"));

        get("/api/v1/regions/blekinge/needs?status=ASSESSED&kindOfEffort=HEALTH_PROMOTING").expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + need + "')]").exists();
        get("/api/v1/regions/blekinge/needs?status=WITHDRAWN").expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + need + "')]").doesNotExist();

        store(need, 7, new NeedWithdrawn(need, BLEKINGE, "Dubblett"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/v1/regions/blekinge/needs/" + need)
                .expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN"));
    }

    @Test
    void the_registry_shows_the_equity_breakdown_the_gap_between_its_groups_and_the_target_aimed_at_it() {
        NeedId need = NeedId.random();
        HealthIndicator lifeExpectancy = new HealthIndicator("Återstående medellivslängd vid 30", new BigDecimal("52.0"), "år",
                Direction.HIGHER_IS_BETTER, "SCB", Period.of("2024"), null);
        store(need, new NeedProposed(need, BLEKINGE, "Medellivslängd efter utbildning", "", new NeedGroup("Vuxna 30 år", 98000),
                        Set.of(KindOfEffort.HEALTH_PROMOTING), lifeExpectancy, 2026),
                new HealthInequityDescribed(need, BLEKINGE, new HealthInequity(EquityDimension.EDUCATION, List.of(
                        new PopulationGroup("Förgymnasial utbildning", new BigDecimal("47.0"), 21000),
                        new PopulationGroup("Eftergymnasial utbildning", new BigDecimal("54.0"), 41000)), Period.of("2023"))),
                new HealthInequityDescribed(need, BLEKINGE, new HealthInequity(EquityDimension.EDUCATION, List.of(
                        new PopulationGroup("Förgymnasial utbildning", new BigDecimal("48.0"), 21000),
                        new PopulationGroup("Eftergymnasial utbildning", new BigDecimal("54.0"), 41000)), Period.of("2024"))),
                new HealthTargetSet(need, BLEKINGE, new BigDecimal("53"), 2030,
                        HealthGap.between(new BigDecimal("52.0"), new BigDecimal("53"), Direction.HIGHER_IS_BETTER), new BigDecimal("4")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/v1/regions/blekinge/needs/" + need)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.inequity.dimension").isEqualTo("EDUCATION")
                .jsonPath("$.inequity.groups.length()").isEqualTo(2)
                .jsonPath("$.inequity.groups[0].count").isEqualTo(21000)
                .jsonPath("$.inequityGap.absolute").isEqualTo(6.0)
                .jsonPath("$.inequityGap.worstGroup").isEqualTo("Förgymnasial utbildning")
                .jsonPath("$.inequityGap.bestGroup").isEqualTo("Eftergymnasial utbildning")
                .jsonPath("$.target.groupGap").isEqualTo(4)
                .jsonPath("$.groupGapHistory.length()").isEqualTo(2)
                .jsonPath("$.groupGapHistory[0].period").isEqualTo("2023")
                .jsonPath("$.groupGapHistory[0].gap.absolute").isEqualTo(7.0)
                .jsonPath("$.groupGapHistory[1].period").isEqualTo("2024")
                .jsonPath("$.groupGapHistory[1].gap.absolute").isEqualTo(6.0));
        get("/api/v1/regions/blekinge/needs?size=200").expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + need + "')].inequityGap.absolute").isEqualTo(6.0);
    }

    @Test
    void a_reader_waits_for_its_own_write_by_version_and_is_told_where_the_registry_stands_otherwise() {
        NeedId need = NeedId.random();
        store(need, new NeedProposed(need, BLEKINGE, "Rökning", "", new NeedGroup("Vuxna", 20000),
                Set.of(KindOfEffort.PREVENTIVE), OBESITY, 2025));
        get("/api/v1/regions/blekinge/needs/" + need + "?minVersion=0&wait=20").expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("Rökning");

        store(need, 1, new NeedWithdrawn(need, BLEKINGE, "Dubblett"));
        get("/api/v1/regions/blekinge/needs/" + need + "?minVersion=1&wait=20").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN");

        get("/api/v1/regions/blekinge/needs/" + need + "?minVersion=7&wait=1").expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.standsAt").isEqualTo(1);
    }

    @Test
    void an_open_page_sees_a_change_as_a_server_sent_event() {
        NeedId need = NeedId.random();
        Flux<ServerSentEvent<Map<String, Object>>> events = web.get().uri("/api/v1/regions/blekinge/events")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("blekinge-fortroendevald"))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
                })
                .getResponseBody();
        StepVerifier.create(events.filter(event -> event.data() != null && need.value().equals(event.data().get("id"))))
                .then(() -> store(need, new NeedProposed(need, BLEKINGE, "Psykisk ohälsa", "", new NeedGroup("Unga", 30000),
                        Set.of(KindOfEffort.HEALTH_PROMOTING), OBESITY, 2025)))
                .assertNext(event -> assertThat(event.event()).isEqualTo("needs"))
                .thenCancel()
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void a_ranking_gives_needs_their_priority_level_and_a_rerank_without_a_need_clears_it() {
        NeedId first = NeedId.random();
        NeedId second = NeedId.random();
        store(first, new NeedProposed(first, BLEKINGE, "Stroke", "", new NeedGroup("Alla", 100), Set.of(KindOfEffort.TREATMENT), OBESITY, 2025));
        store(second, new NeedProposed(second, BLEKINGE, "Fall", "", new NeedGroup("80+", 100), Set.of(KindOfEffort.PREVENTIVE), OBESITY, 2025));
        PriorityRoundId round = PriorityRoundId.of(BLEKINGE, 2031);
        storeRound(round, 0, new PriorityRoundOpened(round, BLEKINGE, 2031));
        storeRound(round, 1, new PrioritiesRanked(round, BLEKINGE, 1, List.of(place(first, 1), place(second, 3))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/v1/regions/blekinge/needs?priorityLevel=3").expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + second + "')].priority.level").isEqualTo(List.of(3)));

        storeRound(round, 2, new PrioritiesRanked(round, BLEKINGE, 2, List.of(place(first, 1))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/v1/regions/blekinge/needs/" + second).expectStatus().isOk()
                .expectBody().jsonPath("$.priority").doesNotExist());
        get("/api/v1/regions/blekinge/needs/" + first).expectBody().jsonPath("$.priority.rankingVersion").isEqualTo(2);
    }

    @Test
    void a_round_ranked_before_its_placed_needs_were_kept_still_clears_a_need_its_next_ranking_leaves_out() {
        NeedId kept = NeedId.random();
        NeedId leftOut = NeedId.random();
        store(kept, new NeedProposed(kept, BLEKINGE, "Stroke", "", new NeedGroup("Alla", 100), Set.of(KindOfEffort.TREATMENT), OBESITY, 2025));
        store(leftOut, new NeedProposed(leftOut, BLEKINGE, "Fall", "", new NeedGroup("80+", 100), Set.of(KindOfEffort.PREVENTIVE), OBESITY, 2025));
        PriorityRoundId round = PriorityRoundId.of(BLEKINGE, 2032);
        storeRound(round, 0, new PriorityRoundOpened(round, BLEKINGE, 2032));
        storeRound(round, 1, new PrioritiesRanked(round, BLEKINGE, 1, List.of(place(kept, 1), place(leftOut, 2))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/v1/regions/blekinge/needs/" + leftOut).expectStatus().isOk()
                .expectBody().jsonPath("$.priority.level").isEqualTo(2));
        // As a data directory from before this version has it.
        Mono.from(readDatabase.getCollection("needs_ranked_in_rounds").deleteOne(Filters.eq("_id", round.value()))).block();

        storeRound(round, 2, new PrioritiesRanked(round, BLEKINGE, 2, List.of(place(kept, 1))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/v1/regions/blekinge/needs/" + leftOut).expectStatus().isOk()
                .expectBody().jsonPath("$.priority").doesNotExist());
        get("/api/v1/regions/blekinge/needs/" + kept).expectBody().jsonPath("$.priority.rankingVersion").isEqualTo(2);
    }

    private static RankedNeed place(NeedId need, int level) {
        return new RankedNeed(need, level, "Svårighetsgrad", Set.of(EthicalPrinciple.NEED_SOLIDARITY), Set.of(RankingCriterion.SEVERITY), null);
    }

    private void storeRound(PriorityRoundId round, long sequence, Object event) {
        StoredEvents.append(eventStore, "PriorityRound", round.value(), sequence, event, "fortroendevald", "blekinge");
    }

    @Test
    void handling_an_event_again_changes_nothing() {
        NeedId need = NeedId.random();
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        projection.on(new NeedProposed(need, BLEKINGE, "Fallskador", "", new NeedGroup("80+", 4000),
                Set.of(KindOfEffort.PREVENTIVE), OBESITY, 2025), 0, at);
        EvidenceAttached evidence = new EvidenceAttached(need, BLEKINGE, EvidenceId.of("e-1"), EvidenceKind.EPIDEMIOLOGY,
                "Patientregistret", "", 5, 5);
        projection.on(evidence, 1, at.plusSeconds(60));
        Document before = stored(need);
        projection.on(evidence, 1, at.plusSeconds(60));
        projection.on(new NeedProposed(need, BLEKINGE, "Fallskador", "", new NeedGroup("80+", 4000),
                Set.of(KindOfEffort.PREVENTIVE), OBESITY, 2025), 0, at);
        assertThat(stored(need)).isEqualTo(before);
    }

    /**
     * Each order pages through every need of the region once, in that order, and no other region's: the pages are read
     * from the registry's ordered indexes. Equal times and titles are ordered by id; a need without priority comes first.
     */
    @ParameterizedTest
    @EnumSource(NeedRegistry.Sort.class)
    void each_order_pages_through_every_need_of_the_region_once_in_order(NeedRegistry.Sort sort) {
        RegionCode vastmanland = RegionCode.of("vastmanland");
        if (Mono.from(readDatabase.getCollection("needs").countDocuments(Filters.eq("region", vastmanland.value()))).block() == 0) {
            Instant at = Instant.parse("2026-02-01T08:00:00Z");
            for (int number = 0; number < 23; number++) {
                NeedId need = NeedId.random();
                projection.on(new NeedProposed(need, vastmanland, "Behov " + (number % 5), "", new NeedGroup("Alla", 100),
                        Set.of(KindOfEffort.PREVENTIVE), OBESITY, 2025), 0, at.plusSeconds(60L * (number % 7)));
                projection.on(new NeedWithdrawn(need, vastmanland, "Prov"), 1, at.plusSeconds(3600L + number % 4));
            }
            projection.on(new NeedProposed(NeedId.random(), BLEKINGE, "Behov 0", "", new NeedGroup("Alla", 100),
                    Set.of(KindOfEffort.PREVENTIVE), OBESITY, 2025), 0, at);
        }

        List<Map<String, Object>> paged = new ArrayList<>();
        for (int page = 0; page < 6; page++) {
            Map<String, Object> answer = new Api(web).get("/api/v1/regions/vastmanland/needs?size=5&page=" + page + "&sort=" + sort,
                    "vastmanland-revisor").expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
            }).returnResult().getResponseBody();
            assertThat(answer).containsEntry("total", 23);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
            paged.addAll(items);
        }

        assertThat(paged).hasSize(23).extracting(need -> need.get("id")).doesNotHaveDuplicates();
        assertThat(paged).allSatisfy(need -> assertThat(need).containsEntry("region", "vastmanland"));
        Comparator<Map<String, Object>> order = switch (sort) {
            case PROPOSED_AT -> byText("proposedAt");
            case PROPOSED_AT_DESC -> byText("proposedAt").reversed();
            case TITLE -> byText("title");
            case LAST_CHANGED_DESC -> byText("lastChangedAt").reversed();
            case PRIORITY_LEVEL -> byText("id");
        };
        assertThat(paged).isSortedAccordingTo(order);
    }

    /** By a text field, then (as the registry breaks ties) by id. */
    private static Comparator<Map<String, Object>> byText(String field) {
        return Comparator.comparing((Map<String, Object> need) -> String.valueOf(need.get(field)))
                .thenComparing(need -> String.valueOf(need.get("id")));
    }

    @Test
    void lists_are_paged_and_bad_parameters_are_named() {
        get("/api/v1/regions/blekinge/needs?page=0&size=1").expectStatus().isOk()
                .expectBody().jsonPath("$.size").isEqualTo(1).jsonPath("$.page").isEqualTo(0);
        get("/api/v1/regions/blekinge/needs?size=1000").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        get("/api/v1/regions/blekinge/needs?status=MAYBE").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
    }

    private void store(NeedId need, Object... events) {
        for (int i = 0; i < events.length; i++) {
            store(need, i, events[i]);
        }
    }

    private void store(NeedId need, long sequence, Object event) {
        StoredEvents.append(eventStore, "Need", need.value(), sequence, event, "tjansteperson", "blekinge");
    }

    private Document stored(NeedId need) {
        return Mono.from(readDatabase.getCollection("needs").find(Filters.eq("_id", need.value())).first()).block();
    }

    private WebTestClient.ResponseSpec get(String path) {
        return new Api(web).get(path, "blekinge-revisor");
    }
}

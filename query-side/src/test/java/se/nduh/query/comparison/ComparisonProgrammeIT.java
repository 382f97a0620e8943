package se.nduh.query.comparison;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.kernel.commission.CommissionDrafted;
import se.nduh.kernel.commission.CommissionId;
import se.nduh.kernel.commission.CommissionIssued;
import se.nduh.kernel.commission.CommissionTerms;
import se.nduh.kernel.commission.FollowUpIndicator;
import se.nduh.kernel.commission.FollowUpIndicatorId;
import se.nduh.kernel.commission.FollowUpLevel;
import se.nduh.kernel.commission.Frequency;
import se.nduh.kernel.commission.Goal;
import se.nduh.kernel.commission.GoalId;
import se.nduh.kernel.commission.OutcomeId;
import se.nduh.kernel.commission.OutcomeRecorded;
import se.nduh.kernel.commission.PaymentModel;
import se.nduh.kernel.commission.Perspective;
import se.nduh.kernel.commission.Provider;
import se.nduh.kernel.comparison.AnonymisationPolicy;
import se.nduh.kernel.comparison.ComparisonNamingDecided;
import se.nduh.kernel.comparison.ComparisonRecord;
import se.nduh.kernel.comparison.Metric;
import se.nduh.kernel.comparison.Metrics;
import se.nduh.kernel.need.Direction;
import se.nduh.kernel.need.EquityDimension;
import se.nduh.kernel.need.EvidenceAttached;
import se.nduh.kernel.need.EvidenceId;
import se.nduh.kernel.need.EvidenceKind;
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
import se.nduh.kernel.need.PopulationGroup;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.priority.Allocation;
import se.nduh.kernel.priority.EthicalPrinciple;
import se.nduh.kernel.priority.PrioritiesDecided;
import se.nduh.kernel.priority.PrioritiesRanked;
import se.nduh.kernel.priority.PriorityRoundId;
import se.nduh.kernel.priority.PriorityRoundOpened;
import se.nduh.kernel.priority.RankedNeed;
import se.nduh.kernel.priority.RankingCriterion;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.signing.RecordSignatures;
import se.nduh.kernel.signing.SigningKey;
import se.nduh.localplatform.check.PersonalDataScan;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.RunningServers;
import se.nduh.localplatform.testing.StoredEvents;
import se.nduh.localplatform.testing.TestUsers;
import se.nduh.query.DeadLetters;
import se.nduh.query.SignedRecords.OutsideRegion;
import se.nduh.query.SignedRecords;
import se.nduh.query.benchmark.ComparisonBoard;
import se.nduh.query.keys.RegionKeys;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The comparison programme end to end over the real Kafka broker and MongoDB-protocol server: a region's whole
 * budget year of events becomes schema-valid records with nothing personal or free-text in them, every metric of
 * the cycle is published, a restart of the publisher mid-stream counts nothing twice and loses nothing, a
 * decision to be named re-publishes under the region's code, and bad records on the topic go to the dead-letter
 * topic while the next good one is applied.
 */
// Stops and restarts the publisher and counts every figure of its regions: a context of its own.
@PlatformIT
@TestPropertySource(properties = "nduh.test.context=ComparisonProgrammeIT")
@DirtiesContext
class ComparisonProgrammeIT {

    private static final RegionCode SORMLAND = RegionCode.of("sormland");
    private static final RegionCode VARMLAND = RegionCode.of("varmland");
    private static final int YEAR = 2025;
    private static final Period BUDGET_YEAR = Period.year(YEAR);
    private static final String SECRET_TITLE = "Hemlig titel om Anna Andersson 19800101-1234";
    private static final String DEAD_LETTER_PERIOD = "1998";
    private static final String SECRET_PROVIDER = "Vårdcentralen Ekensberg, Dr. Berit Lind";

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    RegionKeys regionKeys;
    @Autowired
    ComparisonBoard board;
    @Autowired
    MongoClient mongo;
    @Autowired
    ObjectMapper json;
    @Value("${nduh.mongodb.events-database}")
    String eventsDatabase;
    @Autowired
    WebTestClient web;

    @Test
    void a_regions_budget_year_becomes_valid_records_of_every_metric_with_nothing_personal_and_a_naming_decision_renames_them()
            throws Exception {
        budgetYearOf(SORMLAND, 6, 5);
        String pseudonym = AnonymisationPolicy.pseudonym(regionKeys.keyOf(SORMLAND), BUDGET_YEAR);

        // Each key has its own partition and pace: wait until every figure has reached the year's final value.
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            assertThat(Metrics.CYCLE).allSatisfy(metric -> assertThat(board(pseudonym, metric)).as(metric.code()).isPresent());
            assertThat(board(pseudonym, Metrics.NEEDS_DESCRIBED).orElseThrow().value()).isEqualByComparingTo("6");
            assertThat(board(pseudonym, Metrics.EVERY_GOAL_FOLLOWED_UP).orElseThrow().value()).isEqualByComparingTo("1");
            assertThat(board(pseudonym, Metrics.NOT_PRIORITISED_SHARE).orElseThrow().value()).isEqualByComparingTo("0");
            assertThat(board(pseudonym, Metrics.DAYS_TO_DECISION).orElseThrow().itemCount()).isEqualTo(6);
            assertThat(board(pseudonym, Metrics.JUSTIFIED_DEVIATIONS).orElseThrow().suppressed()).as("no deviations").isTrue();
            assertThat(board(pseudonym, Metrics.EQUITY_BREAKDOWN_SHARE).orElseThrow().value()).isEqualByComparingTo("1");
            // Relative gaps 0.5 to 1.125 by the groups of at least k people: median 0.8125 (with the group of three, 4).
            ComparisonRecord groupGap = board(pseudonym, Metrics.MEDIAN_RELATIVE_GROUP_GAP).orElseThrow();
            assertThat(groupGap.value()).isEqualByComparingTo("0.8125");
            assertThat(groupGap.itemCount()).isEqualTo(6);
        });

        // The need groups' size as typed (12,000) would tie the region's pseudonyms of different periods together:
        // the indicator's record says only that it is at least k (5 by default).
        String pseudonymOfTheDataYear = AnonymisationPolicy.pseudonym(regionKeys.keyOf(SORMLAND), Period.year(YEAR - 1));
        await().atMost(Duration.ofMinutes(1)).until(() -> board.all().filter(record -> record.region().equals(pseudonymOfTheDataYear)
                && record.metric().equals(Metrics.indicatorCode("child-obesity"))).next().blockOptional()
                .map(ComparisonRecord::itemCount).equals(java.util.Optional.of(AnonymisationPolicy.DEFAULT_K)));

        // Every record on the topic, of every test of this run, is valid and holds nothing this region keeps.
        PersonalDataScan.Secrets secrets = PersonalDataScan.secretsOf(
                mongo.getDatabase(eventsDatabase).getCollection("domainevents").find(), TestUsers.file().getParent());
        assertThat(secrets.texts()).contains(SECRET_TITLE + " 0", SECRET_PROVIDER, "u-test");
        List<String> records = published();
        assertThat(records).anyMatch(record -> record.contains(pseudonym));
        assertThat(PersonalDataScan.findings(secrets, records)).isEmpty();

        // The elected officials decide to be named: the records carry the code, the pseudonym's are retracted.
        new Api(web).get("/api/v1/regions/sormland/comparison-naming", "sormland-revisor").expectStatus().isOk()
                .expectBody().jsonPath("$.named").isEqualTo(false).jsonPath("$.decidedBy").doesNotExist();
        StoredEvents.append(eventStore, "ComparisonNaming", "comparison-naming-sormland", 0,
                new ComparisonNamingDecided(SORMLAND, true, "Regionstyrelsen", LocalDate.of(YEAR, 3, 1), "RS §9"),
                "fortroendevald", SORMLAND.value());
        await().atMost(Duration.ofMinutes(1)).until(() -> board(SORMLAND.value(), Metrics.NEEDS_DESCRIBED).isPresent()
                && board(pseudonym, Metrics.NEEDS_DESCRIBED).isEmpty());
        new Api(web).get("/api/v1/regions/sormland/comparison-naming?minVersion=0", "sormland-fortroendevald").expectStatus().isOk()
                .expectBody().jsonPath("$.named").isEqualTo(true).jsonPath("$.decidedBy").isEqualTo("Regionstyrelsen")
                .jsonPath("$.minutesReference").isEqualTo("RS §9");
        ComparisonRecord named = board(SORMLAND.value(), Metrics.NEEDS_DESCRIBED).orElseThrow();
        assertThat(named.named()).isTrue();
        assertThat(named.value()).isEqualByComparingTo("6");
        assertThat(PersonalDataScan.findings(secrets, published())).isEmpty();
    }

    /** What the publishers of this run put on the topic: all of it but the bad records the dead-letter test sends. */
    private static List<String> published() {
        return PersonalDataScan.readTopic(RunningServers.kafka().bootstrapServers(), ComparisonRecord.TOPIC).stream()
                .filter(record -> !record.contains(DEAD_LETTER_PERIOD)).toList();
    }

    @Test
    void a_publisher_restarted_mid_stream_leaves_no_figure_missing_and_counts_none_twice() {
        EventProcessor publisher = processing.eventProcessor(ComparisonFactProjection.PROCESSOR).orElseThrow();
        int needs = 120;
        for (int i = 0; i < needs; i++) {
            proposeNeed(VARMLAND, "Behov " + i, Set.of(KindOfEffort.PREVENTIVE), null);
            if (i == needs / 2) {
                publisher.shutDown();
                publisher.start();
            }
        }
        publisher.shutDown();
        publisher.start();
        String pseudonym = AnonymisationPolicy.pseudonym(regionKeys.keyOf(VARMLAND), BUDGET_YEAR);

        // Records of different keys travel on different partitions: wait for both figures before judging them.
        Metric preventive = Metrics.NEEDS_DESCRIBED_BY_KIND.get(KindOfEffort.PREVENTIVE);
        await().atMost(Duration.ofMinutes(2)).until(() -> countOf(pseudonym, Metrics.NEEDS_DESCRIBED) >= needs
                && countOf(pseudonym, preventive) >= needs);
        ComparisonRecord described = board(pseudonym, Metrics.NEEDS_DESCRIBED).orElseThrow();
        assertThat(described.itemCount()).isEqualTo(needs);
        assertThat(described.value()).isEqualByComparingTo(BigDecimal.valueOf(needs));
        assertThat(countOf(pseudonym, preventive)).isEqualTo(needs);
    }

    @Test
    void a_bad_or_badly_signed_record_goes_to_the_dead_letter_topic_with_its_reason_while_the_next_good_one_is_applied() throws Exception {
        OutsideRegion outsider = OutsideRegion.number(1);
        OutsideRegion impostor = OutsideRegion.number(2);
        Period period = Period.of(DEAD_LETTER_PERIOD);
        SigningKey own = RecordSignatures.periodKey(outsider.secret(), period);
        ComparisonRecord good = new ComparisonRecord(1, "needs.care-need-share", DEAD_LETTER_PERIOD, outsider.pseudonym(DEAD_LETTER_PERIOD),
                false, new BigDecimal("0.5"), false, 8, 1);
        String goodJson = json.writeValueAsString(good);
        String unknownVersion = goodJson.replace("\"schemaVersion\":1", "\"schemaVersion\":7");
        String freeText = goodJson.replace("\"named\":false", "\"named\":false,\"title\":\"Hemligt\"");
        String pastAnyScale = goodJson.replace("\"value\":0.5", "\"value\":1e400");
        String revisionNothingCouldFollow = goodJson.replace("\"revision\":1", "\"revision\":9223372036854775807");
        ComparisonRecord suppressed = new ComparisonRecord(1, "needs.care-need-share", DEAD_LETTER_PERIOD,
                impostor.pseudonym(DEAD_LETTER_PERIOD), false, null, true, null, 1);
        String zeroForSuppressed = json.writeValueAsString(suppressed).replace("\"value\":null", "\"value\":0");
        ComparisonRecord claimsHalland = new ComparisonRecord(1, "needs.care-need-share", DEAD_LETTER_PERIOD, "halland", true,
                new BigDecimal("0.9"), false, 8, 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningServers.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            String topic = ComparisonRecord.TOPIC;
            producer.send(SignedRecords.signed(topic, null, good.key(), "{not json of " + DEAD_LETTER_PERIOD, own)).get();
            producer.send(SignedRecords.signed(topic, null, good.key(), unknownVersion, own)).get();
            producer.send(SignedRecords.signed(topic, null, good.key(), freeText, own)).get();
            producer.send(SignedRecords.signed(topic, null, good.key(), pastAnyScale, own)).get();
            producer.send(SignedRecords.signed(topic, null, good.key(), revisionNothingCouldFollow, own)).get();
            producer.send(SignedRecords.signed(topic, null, suppressed.key(), zeroForSuppressed,
                    RecordSignatures.periodKey(impostor.secret(), period))).get();
            producer.send(SignedRecords.signed(topic, null, "someone-elses-key", goodJson, own)).get();
            producer.send(new ProducerRecord<>(topic, good.key(), goodJson)).get();
            producer.send(SignedRecords.signed(topic, null, good.key(), goodJson, RecordSignatures.periodKey(impostor.secret(), period))).get();
            producer.send(SignedRecords.signed(topic, null, claimsHalland.key(), json.writeValueAsString(claimsHalland),
                    RecordSignatures.regionKey(outsider.secret()))).get();
            producer.send(SignedRecords.signed(topic, null, good.key(), goodJson, own)).get();
            producer.send(new ProducerRecord<>(topic, good.key(), null)).get();
        }

        await().atMost(Duration.ofMinutes(1)).until(() -> board.all().collectList().block().contains(good));
        assertThat(board.all().collectList().block()).noneMatch(record -> record.period().equals(DEAD_LETTER_PERIOD) && !record.equals(good));

        Map<String, String> reasons = DeadLetters.reasons(ComparisonRecord.DEAD_LETTER_TOPIC, 9, good.key(), "someone-elses-key");
        assertThat(reasons.values()).anyMatch(reason -> reason.startsWith("not JSON"))
                .anyMatch(reason -> reason.startsWith("fails the schema") && reason.contains("schemaVersion"))
                .anyMatch(reason -> reason.startsWith("fails the schema") && reason.contains("title"))
                .anyMatch(reason -> reason.startsWith("fails the schema") && reason.contains("$.value"))
                .anyMatch(reason -> reason.startsWith("fails the schema") && reason.contains("$.revision"))
                .anyMatch(reason -> reason.startsWith("key someone-elses-key is not the record's own key"))
                .anyMatch(reason -> reason.startsWith("not signed by the key of the pseudonym " + good.region()));
        assertThat(reasons.values().stream().filter(reason -> reason.startsWith("not signed: the headers"))).hasSize(2);
        assertThat(DeadLetters.reasons(ComparisonRecord.DEAD_LETTER_TOPIC, 1, suppressed.key()).values()).anyMatch(reason -> reason.startsWith("fails the schema"));
        assertThat(DeadLetters.reasons(ComparisonRecord.DEAD_LETTER_TOPIC, 1, claimsHalland.key()).values()).containsExactly("not signed by the key of region halland");
        // The unsigned tombstone came after the good record and is among the parked: it retracted nothing.
        assertThat(board.all().collectList().block()).contains(good);
    }

    private int countOf(String region, Metric metric) {
        return board(region, metric).map(ComparisonRecord::itemCount).orElse(0);
    }

    private java.util.Optional<ComparisonRecord> board(String region, Metric metric) {
        return board.all().filter(record -> record.region().equals(region) && record.metric().equals(metric.code())
                && record.period().equals(BUDGET_YEAR.value())).next().blockOptional();
    }

    /** A region's budget year: needs with evidence, targets and assessments, a decided round, issued commissions. */
    private void budgetYearOf(RegionCode region, int needCount, int commissionCount) {
        List<NeedId> needs = new ArrayList<>();
        for (int i = 0; i < needCount; i++) {
            NeedId need = proposeNeed(region, SECRET_TITLE + " " + i, Set.of(i % 2 == 0 ? KindOfEffort.PREVENTIVE : KindOfEffort.TREATMENT),
                    "child-obesity");
            StoredEvents.append(eventStore, "Need", need.value(), 1, new EvidenceAttached(need, region, EvidenceId.random(),
                    EvidenceKind.EPIDEMIOLOGY, "Elevhälsans journal om Anna Andersson", "Sammanställt av Berit Lind", 4, 3),
                    "tjansteperson", region.value());
            StoredEvents.append(eventStore, "Need", need.value(), 2, new HealthTargetSet(need, region, new BigDecimal("8"), 2029,
                    HealthGap.between(new BigDecimal("12"), new BigDecimal("8"), Direction.LOWER_IS_BETTER)), "fortroendevald", region.value());
            StoredEvents.append(eventStore, "Need", need.value(), 3, new NeedAssessed(need, region, new NeedAssessment(true,
                    "Bedömt av Berit Lind", Grade.HIGH, Grade.HIGH, Grade.MODERATE, Grade.MODERATE, 5000)), "tjansteperson", region.value());
            // By education, 12+i % against 8 %; a group of three people, far off, must count in no figure.
            StoredEvents.append(eventStore, "Need", need.value(), 4, new HealthInequityDescribed(need, region,
                    new HealthInequity(EquityDimension.EDUCATION, List.of(
                            new PopulationGroup("Förgymnasial utbildning", new BigDecimal(12 + i), 2000),
                            new PopulationGroup("Eftergymnasial utbildning", new BigDecimal("8"), 4000),
                            new PopulationGroup("Utbildning okänd", new BigDecimal("40"), 3)))), "tjansteperson", region.value());
            needs.add(need);
        }
        PriorityRoundId round = PriorityRoundId.of(region, YEAR);
        StoredEvents.append(eventStore, "PriorityRound", round.value(), 0, new PriorityRoundOpened(round, region, YEAR),
                "fortroendevald", region.value());
        List<RankedNeed> ranking = needs.stream().map(need -> new RankedNeed(need, 1, "Enligt Anna Anderssons förslag",
                Set.of(EthicalPrinciple.NEED_SOLIDARITY), Set.of(RankingCriterion.SEVERITY), null)).toList();
        StoredEvents.append(eventStore, "PriorityRound", round.value(), 1, new PrioritiesRanked(round, region, 1, ranking),
                "fortroendevald", region.value());
        StoredEvents.append(eventStore, "PriorityRound", round.value(), 2, new PrioritiesDecided(round, region, 1,
                "Regionfullmäktige", LocalDate.of(YEAR - 1, 11, 20), "RF §12 Berit Lind",
                needs.stream().map(need -> new Allocation(need, BigDecimal.TEN)).toList(), List.of()), "fortroendevald", region.value());
        for (int i = 0; i < commissionCount; i++) {
            CommissionId commission = CommissionId.of(UUID.randomUUID().toString());
            CommissionTerms terms = new CommissionTerms(round, Set.of(needs.get(i)), Provider.of(SECRET_PROVIDER),
                    "Uppdrag som Berit Lind skrev",
                    Set.of(KindOfEffort.PREVENTIVE), List.of(new Goal(GoalId.of("g-1"), "Andel barn med fetma", new BigDecimal("12"),
                    new BigDecimal("8"), LocalDate.of(YEAR + 2, 12, 31))), LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR + 2, 12, 31),
                    List.of(new FollowUpIndicator(FollowUpIndicatorId.of("i-effect"), "Andel barn med fetma", FollowUpLevel.EFFECT,
                            Perspective.POPULATION, Frequency.QUARTER, GoalId.of("g-1"), "child-obesity")),
                    new PaymentModel(PaymentModel.Kind.ACTIVE, BigDecimal.TEN, new BigDecimal("0.2"), Set.of(GoalId.of("g-1"))), Set.of(), null);
            StoredEvents.append(eventStore, "Commission", commission.value(), 0, new CommissionDrafted(commission, region, terms, Set.of()),
                    "tjansteperson", region.value());
            StoredEvents.append(eventStore, "Commission", commission.value(), 1, new CommissionIssued(commission, region,
                    "Hälso- och sjukvårdsnämnden", LocalDate.of(YEAR, 1, 15), Set.of()), "fortroendevald", region.value());
            StoredEvents.append(eventStore, "Commission", commission.value(), 2, new OutcomeRecorded(commission, region, OutcomeId.of("o-" + i),
                    FollowUpIndicatorId.of("i-effect"), Period.of(YEAR + "-Q2"), new BigDecimal("11"), "Elevhälsan, Anna Andersson", null,
                    GoalId.of("g-1"),
                    new BigDecimal("0.25")), "utforare", region.value());
        }
    }

    private NeedId proposeNeed(RegionCode region, String title, Set<KindOfEffort> kinds, String catalogueCode) {
        NeedId need = NeedId.random();
        StoredEvents.append(eventStore, "Need", need.value(), 0, new NeedProposed(need, region, title, "Beskrivning av Berit Lind",
                new NeedGroup("Barn 6–12 år", 12000), kinds, new HealthIndicator("Andel barn med fetma", new BigDecimal("12"), "%",
                Direction.LOWER_IS_BETTER, "Elevhälsan", Period.of(Integer.toString(YEAR - 1)), catalogueCode), YEAR),
                "tjansteperson", region.value());
        return need;
    }
}

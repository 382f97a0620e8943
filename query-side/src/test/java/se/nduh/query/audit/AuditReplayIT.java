package se.nduh.query.audit;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.infrastructure.security.UserDirectory;
import se.nduh.kernel.need.Direction;
import se.nduh.kernel.need.EvidenceAttached;
import se.nduh.kernel.need.EvidenceId;
import se.nduh.kernel.need.EvidenceKind;
import se.nduh.kernel.need.EvidenceWithdrawn;
import se.nduh.kernel.need.Grade;
import se.nduh.kernel.need.HealthGap;
import se.nduh.kernel.need.HealthIndicator;
import se.nduh.kernel.need.HealthTargetSet;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedAssessed;
import se.nduh.kernel.need.NeedAssessment;
import se.nduh.kernel.need.NeedGroup;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.need.NeedRevised;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.priority.Allocation;
import se.nduh.kernel.priority.EthicalPrinciple;
import se.nduh.kernel.priority.NotPrioritised;
import se.nduh.kernel.priority.PrioritiesDecided;
import se.nduh.kernel.priority.PrioritiesRanked;
import se.nduh.kernel.priority.PriorityRoundId;
import se.nduh.kernel.priority.PriorityRoundOpened;
import se.nduh.kernel.priority.PriorityRoundReopened;
import se.nduh.kernel.priority.RankedNeed;
import se.nduh.kernel.priority.RankingCriterion;
import se.nduh.kernel.region.RegionCode;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.TestUsers;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An auditor replays how Halland's priority round was reached: ranked, a need revised, ranked again (one need moved
 * up, one added, a level changed), decided, reopened, ranked a third time and decided again.
 */
@PlatformIT
class AuditReplayIT {

    private static final RegionCode HALLAND = RegionCode.of("halland");
    private static final String OFFICIAL = "halland-fortroendevald";
    private static final String CIVIL_SERVANT = "halland-tjansteperson";
    private static final String AUDITOR = "halland-revisor";
    private static final HealthIndicator STROKE_2025 = indicator("62", "2025");
    private static final HealthIndicator STROKE_2026 = indicator("58", "2026");

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventHistories histories;

    private final Map<String, Long> sequences = new HashMap<>();
    private final UserDirectory users = new UserDirectory(TestUsers.file());
    private final PriorityRoundId round = PriorityRoundId.of("halland-audit-" + UUID.randomUUID() + "-2027");
    private final NeedId activity = NeedId.random();
    private final NeedId stroke = NeedId.random();
    private final NeedId depression = NeedId.random();
    private final NeedId dental = NeedId.random();
    private Instant betweenFirstAndSecondRanking;

    @BeforeEach
    void the_round_is_ranked_three_times_and_decided_twice() {
        proposeAndAssess(activity, "Fysisk aktivitet bland barn", indicator("45", "2025"), Grade.HIGH);
        store(activity, new HealthTargetSet(activity, HALLAND, new BigDecimal("80"), 2030, gapTo80(indicator("45", "2025"))),
                OFFICIAL, "SetHealthTarget");
        store(activity, new EvidenceAttached(activity, HALLAND, EvidenceId.of("e-survey"), EvidenceKind.SELF_REPORTED, "HLV", "", 4, 3),
                CIVIL_SERVANT, "AttachEvidence");
        store(activity, new EvidenceAttached(activity, HALLAND, EvidenceId.of("e-dialogue"), EvidenceKind.DIALOGUE, "Föräldrar", "", 2, 5),
                CIVIL_SERVANT, "AttachEvidence");
        store(activity, new EvidenceWithdrawn(activity, HALLAND, EvidenceId.of("e-dialogue"), "För litet underlag"), CIVIL_SERVANT, "WithdrawEvidence");
        proposeAndAssess(stroke, "Stroke", STROKE_2025, Grade.MODERATE);
        store(stroke, new HealthTargetSet(stroke, HALLAND, new BigDecimal("80"), 2030, gapTo80(STROKE_2025)), OFFICIAL, "SetHealthTarget");
        proposeAndAssess(depression, "Depression bland unga", indicator("30", "2025"), Grade.LOW);
        proposeAndAssess(dental, "Tandhälsa", indicator("40", "2025"), Grade.LOW);

        nextMillisecond();
        store(round, new PriorityRoundOpened(round, HALLAND, 2027), OFFICIAL, "OpenPriorityRound");
        store(round, new PrioritiesRanked(round, HALLAND, 1, List.of(place(activity, 1, null), place(stroke, 2, null))), OFFICIAL, "RankPriorities");
        betweenFirstAndSecondRanking = nextMillisecond();
        nextMillisecond();

        store(stroke, new NeedRevised(stroke, HALLAND, "Stroke", "Färre når strokeenhet", new NeedGroup("Vuxna", 5000),
                Set.of(KindOfEffort.TREATMENT), STROKE_2026, "Ny mätning", "Riksstroke 2026", gapTo80(STROKE_2026)), CIVIL_SERVANT, "ReviseNeed");
        store(stroke, new NeedAssessed(stroke, HALLAND, assessment(Grade.VERY_HIGH)), CIVIL_SERVANT, "AssessNeed");
        nextMillisecond();
        store(round, new PrioritiesRanked(round, HALLAND, 2, List.of(place(stroke, 1, null),
                place(depression, 2, "Tidiga insatser ger störst nytta per krona"), place(activity, 2, null))), OFFICIAL, "RankPriorities");
        store(round, decided(2, "RS 2026-11-03 §12"), OFFICIAL, "DecidePriorities");
        store(round, new PriorityRoundReopened(round, HALLAND, "Ny statistik"), OFFICIAL, "ReopenPriorityRound");
        store(round, new PrioritiesRanked(round, HALLAND, 3, List.of(place(stroke, 1, null),
                place(activity, 2, null), place(depression, 3, null))), OFFICIAL, "RankPriorities");
        store(round, decided(3, "RS 2026-12-01 §4"), OFFICIAL, "DecidePriorities");
    }

    @Test
    void between_the_first_and_second_ranking_the_round_stood_at_the_first_with_the_needs_as_they_were_then() {
        get("/audit/priority-rounds/" + round + "?asOf=" + betweenFirstAndSecondRanking, AUDITOR).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.rankingVersion").isEqualTo(1)
                .jsonPath("$.ranking[*].needId").isEqualTo(List.of(activity.value(), stroke.value()))
                .jsonPath("$.ranking[0].rationale").isEqualTo("Störst behov")
                .jsonPath("$.decided").isEqualTo(false)
                .jsonPath("$.decision").isEmpty()
                .jsonPath(need(stroke) + ".indicator.currentValue").isEqualTo(62)
                .jsonPath(need(stroke) + ".gap.absolute").isEqualTo(18)
                .jsonPath(need(stroke) + ".assessment.severity").isEqualTo("MODERATE")
                .jsonPath(need(stroke) + ".version").isEqualTo(2)
                .jsonPath(need(activity) + ".evidence[1].politicalWeight").isEqualTo(5)
                .jsonPath(need(activity) + ".evidence[1].withdrawn").isEqualTo(true)
                .jsonPath(need(activity) + ".evidence[1].withdrawalReason").isEqualTo("För litet underlag");
    }

    @Test
    void now_the_round_stands_decided_at_its_third_ranking_and_at_its_first_decision_it_stood_at_the_second() {
        get("/audit/priority-rounds/" + round, AUDITOR).expectStatus().isOk().expectBody()
                .jsonPath("$.rankingVersion").isEqualTo(3)
                .jsonPath("$.decided").isEqualTo(true)
                .jsonPath("$.decision.minutesReference").isEqualTo("RS 2026-12-01 §4")
                .jsonPath("$.decision.notPrioritised[0].needId").isEqualTo(dental.value())
                .jsonPath("$.needs[*].needId").isEqualTo(List.of(stroke.value(), activity.value(), depression.value(), dental.value()))
                .jsonPath(need(stroke) + ".gap.absolute").isEqualTo(22)
                .jsonPath(need(stroke) + ".assessment.severity").isEqualTo("VERY_HIGH");

        get("/audit/priority-rounds/" + round + "?version=3", "halland-tjansteperson").expectStatus().isOk().expectBody()
                .jsonPath("$.rankingVersion").isEqualTo(2)
                .jsonPath("$.decided").isEqualTo(true)
                .jsonPath("$.decision.decidedBy").isEqualTo("Regionstyrelsen")
                .jsonPath("$.decision.allocations[0].amountSek").isEqualTo(2500000);

        get("/audit/priority-rounds/" + round + "?version=4", AUDITOR).expectStatus().isOk().expectBody()
                .jsonPath("$.decided").isEqualTo(false)
                .jsonPath("$.reopeningReason").isEqualTo("Ny statistik")
                .jsonPath("$.decision.minutesReference").isEqualTo("RS 2026-11-03 §12");
    }

    @Test
    void a_round_replayed_again_shows_what_was_stored_since() {
        get("/audit/priority-rounds/" + round, AUDITOR).expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(6);

        store(round, new PriorityRoundReopened(round, HALLAND, "Nya uppgifter om tandhälsan"), OFFICIAL, "ReopenPriorityRound");

        get("/audit/priority-rounds/" + round, AUDITOR).expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo(7)
                .jsonPath("$.decided").isEqualTo(false)
                .jsonPath("$.reopeningReason").isEqualTo("Nya uppgifter om tandhälsan");
    }

    @Test
    void the_timeline_names_every_change_in_order_with_the_command_and_who_made_it() {
        String official = users.byUsername(OFFICIAL).orElseThrow().userId();
        get("/audit/priority-rounds/" + round + "/timeline", "halland-tjansteperson").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(22)
                .jsonPath(roundChanges() + ".command").isEqualTo(List.of("OpenPriorityRound", "RankPriorities", "RankPriorities",
                        "DecidePriorities", "ReopenPriorityRound", "RankPriorities", "DecidePriorities"))
                .jsonPath(roundChanges() + ".userId").isEqualTo(List.of(official, official, official, official, official, official, official))
                .jsonPath(roundChanges() + ".role").value(roles -> assertThat((List<Object>) roles).containsOnly("fortroendevald"))
                .jsonPath(roundChanges() + ".userName").value(names -> assertThat((List<Object>) names)
                        .containsOnly(users.displayName(official).orElseThrow()))
                .jsonPath("$.items[0].command").isEqualTo("NeedProposed")
                .jsonPath("$.items[0].event").isEqualTo("NeedProposed")
                .jsonPath("$.items[0].role").isEqualTo("tjansteperson")
                .jsonPath("$.items[0].correlationId").isEqualTo("correlation-" + activity)
                .jsonPath("$.items[*].event").value(events -> assertThat((List<Object>) events).containsSubsequence(
                        "PrioritiesRanked", "NeedRevised", "NeedAssessed", "PrioritiesRanked", "PrioritiesDecided"));

        get("/audit/priority-rounds/" + round + "/timeline?page=2&size=10", AUDITOR).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[1].command").isEqualTo("DecidePriorities");
    }

    @Test
    void the_diff_of_the_first_and_second_ranking_names_what_moved_what_was_added_and_the_deviation() {
        get("/audit/priority-rounds/" + round + "/diff?from=1&to=2", AUDITOR).expectStatus().isOk().expectBody()
                .jsonPath("$.changes[*].needId").isEqualTo(List.of(stroke.value(), depression.value(), activity.value()))
                .jsonPath("$.changes[0].changes").isEqualTo(List.of("MOVED_UP", "LEVEL_CHANGED"))
                .jsonPath("$.changes[1].changes").isEqualTo(List.of("ADDED"))
                .jsonPath("$.changes[2].changes").isEqualTo(List.of("MOVED_DOWN", "LEVEL_CHANGED"))
                .jsonPath("$.changes[2].placeBefore").isEqualTo(1)
                .jsonPath("$.changes[2].placeAfter").isEqualTo(3)
                .jsonPath("$.deviations[0].needId").isEqualTo(depression.value())
                .jsonPath("$.deviations[0].justification").isEqualTo("Tidiga insatser ger störst nytta per krona");

        get("/audit/priority-rounds/" + round + "/diff?from=1&to=2", OFFICIAL).expectStatus().isOk();
        get("/audit/priority-rounds/" + round + "/diff?from=1&to=2", "halland-tjansteperson").expectStatus().isForbidden();
    }

    @Test
    void a_need_replays_on_its_own_with_its_changes_up_to_then() {
        get("/audit/needs/" + stroke + "?asOf=" + betweenFirstAndSecondRanking, AUDITOR).expectStatus().isOk().expectBody()
                .jsonPath("$.need.title").isEqualTo("Stroke")
                .jsonPath("$.need.gap.absolute").isEqualTo(18)
                .jsonPath("$.need.targetYear").isEqualTo(2030)
                .jsonPath("$.timeline[*].command").isEqualTo(List.of("NeedProposed", "AssessNeed", "SetHealthTarget"));
        get("/audit/needs/" + stroke, AUDITOR).expectStatus().isOk().expectBody()
                .jsonPath("$.need.description").isEqualTo("Färre når strokeenhet")
                .jsonPath("$.timeline.length()").isEqualTo(5);
    }

    @Test
    void the_report_of_the_second_decision_shows_the_round_as_decided_what_changed_since_the_first_and_that_the_record_holds() {
        String report = "/audit/priority-rounds/" + round + "/decisions/2/report";
        get(report, AUDITOR).expectStatus().isOk().expectBody()
                .jsonPath("$.link").isEqualTo("/api/v1/regions/halland" + report)
                .jsonPath("$.decision").isEqualTo(2)
                .jsonPath("$.decisions").isEqualTo(2)
                .jsonPath("$.decisionRecorded.command").isEqualTo("DecidePriorities")
                .jsonPath("$.decisionRecorded.userId").isEqualTo(users.byUsername(OFFICIAL).orElseThrow().userId())
                .jsonPath("$.asDecided.rankingVersion").isEqualTo(3)
                .jsonPath("$.asDecided.decision.minutesReference").isEqualTo("RS 2026-12-01 §4")
                .jsonPath("$.sincePreviousDecision.from").isEqualTo(2)
                .jsonPath("$.sincePreviousDecision.to").isEqualTo(3)
                .jsonPath("$.sincePreviousDecision.changes[*].needId").isEqualTo(List.of(activity.value(), depression.value()))
                .jsonPath("$.timeline.length()").isEqualTo(22)
                .jsonPath("$.integrity.intact").isEqualTo(true)
                .jsonPath("$.integrity.events").isEqualTo(22)
                .jsonPath("$.integrity.breaks").isEmpty();

        get("/audit/priority-rounds/" + round + "/decisions/1/report", OFFICIAL).expectStatus().isOk().expectBody()
                .jsonPath("$.asDecided.rankingVersion").isEqualTo(2)
                .jsonPath("$.sincePreviousDecision").doesNotExist()
                .jsonPath("$.timeline[-1:].command").isEqualTo(List.of("DecidePriorities"));
        problem("/audit/priority-rounds/" + round + "/decisions/3/report", 404).jsonPath("$.field").isEqualTo("decision");
        get(report, CIVIL_SERVANT).expectStatus().isForbidden();
    }

    @Test
    void the_report_prints_in_swedish_for_a_browser_with_every_text_escaped() {
        String page = web.get().uri("/api/v1/regions/halland/audit/priority-rounds/" + round + "/decisions/2/report")
                .accept(MediaType.TEXT_HTML).header(HttpHeaders.AUTHORIZATION, TestUsers.basic(AUDITOR)).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).startsWith("<!DOCTYPE html>").contains("lang=\"sv\"", "Revisionsrapport: beslut 2 av 2", "Rangordningen som beslutad",
                "Icke-göra", "Andra aktörer ansvarar", "Ändringar sedan föregående beslut", "flyttades upp", "Tidslinje fram till beslutet",
                "Fysisk aktivitet bland barn", "återkallat: För litet underlag", "Oförändrat", "RS 2026-12-01 §4");
        assertThat(page).doesNotContain("<script").doesNotContain("&ouml;");
    }

    @Test
    void another_region_learns_nothing_and_a_coordinator_is_refused() {
        String unknown = "halland-" + UUID.randomUUID() + "-2027";
        for (String path : List.of("/audit/priority-rounds/%s", "/audit/priority-rounds/%s/timeline", "/audit/priority-rounds/%s/diff?from=1&to=2",
                "/audit/priority-rounds/%s/decisions/1/report")) {
            Map<?, ?> theirs = api().get("/api/v1/regions/skane" + path.formatted(round), "skane-revisor")
                    .expectStatus().isNotFound().expectBody(Map.class).returnResult().getResponseBody();
            Map<?, ?> nowhere = api().get("/api/v1/regions/skane" + path.formatted(unknown), "skane-revisor")
                    .expectStatus().isNotFound().expectBody(Map.class).returnResult().getResponseBody();
            assertThat(theirs.get("rule")).isEqualTo(nowhere.get("rule")).isEqualTo("PriorityRoundNotInRegion");
            assertThat(theirs.get("detail")).isEqualTo(nowhere.get("detail"));
        }
        api().get("/api/v1/regions/skane/audit/needs/" + stroke, "skane-revisor").expectStatus().isNotFound()
                .expectBody().jsonPath("$.rule").isEqualTo("NeedNotInRegion");
        get("/audit/priority-rounds/" + round, "skane-revisor").expectStatus().isForbidden();
        get("/audit/priority-rounds/" + round + "/timeline", "samordnare-1").expectStatus().isForbidden();
        get("/audit/needs/" + stroke, "halland-utforare").expectStatus().isForbidden();
    }

    @Test
    void a_point_the_history_does_not_have_or_a_malformed_one_is_a_clear_problem() {
        problem("/audit/priority-rounds/" + round + "?asOf=igår", 400).jsonPath("$.errors[0].field").isEqualTo("asOf");
        problem("/audit/priority-rounds/" + round + "?asOf=2026-01-01T00:00:00Z&version=1", 400).jsonPath("$.detail").isEqualTo("Give asOf or version, not both.");
        problem("/audit/priority-rounds/" + round + "?version=-1", 400).jsonPath("$.errors[0].field").isEqualTo("version");
        problem("/audit/priority-rounds/" + round + "?version=99", 404).jsonPath("$.rule").isEqualTo("ReplayPointNotInHistory");
        problem("/audit/priority-rounds/" + round + "?asOf=2000-01-01T00:00:00Z", 404).jsonPath("$.field").isEqualTo("asOf");
        problem("/audit/priority-rounds/" + round + "/diff?from=1&to=9", 404).jsonPath("$.field").isEqualTo("to");
        problem("/audit/priority-rounds/" + round + "/diff?from=0&to=2", 400).jsonPath("$.errors[0].field").isEqualTo("from");
        problem("/audit/priority-rounds/" + round + "/timeline?size=501", 400).jsonPath("$.errors[0].field").isEqualTo("size");
        problem("/audit/priority-rounds/" + stroke, 404).jsonPath("$.rule").isEqualTo("PriorityRoundNotInRegion");
    }

    private WebTestClient.BodyContentSpec problem(String path, int status) {
        return get(path, AUDITOR).expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
    }

    private void proposeAndAssess(NeedId need, String title, HealthIndicator indicator, Grade severity) {
        store(need, new NeedProposed(need, HALLAND, title, "", new NeedGroup("Alla", 5000), Set.of(KindOfEffort.TREATMENT), indicator, 2027),
                CIVIL_SERVANT, null);
        store(need, new NeedAssessed(need, HALLAND, assessment(severity)), CIVIL_SERVANT, "AssessNeed");
    }

    /** Stores the event as the command side would, by the demo user; without a command name, as events stored before there was one. */
    @Test
    void every_rounds_history_is_read_once_the_query_side_has_started_so_the_first_replay_finds_it_kept() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> new Api(web).get("/api/v1/regions/halland/priority-rounds/" + round, AUDITOR)
                .expectStatus().isOk());

        histories.everyRound().blockLast(Duration.ofSeconds(60));

        assertThat(histories.keeps(round.value())).isTrue();
    }

    private void store(Object aggregateId, Object event, String username, String command) {
        String id = aggregateId.toString();
        long sequence = sequences.merge(id, 0L, (last, none) -> last + 1);
        Map<String, String> metaData = new HashMap<>(Map.of("userId", users.byUsername(username).orElseThrow().userId(),
                "role", username.substring(username.indexOf('-') + 1), "region", HALLAND.value(), "correlationId", "correlation-" + id));
        if (command != null) {
            metaData.put("commandName", command);
        }
        eventStore.publish(new GenericDomainEventMessage<>(aggregateId instanceof PriorityRoundId ? "PriorityRound" : "Need", id, sequence,
                event, MetaData.from(metaData)));
    }

    /**
     * An instant in a later millisecond than everything stored so far, which is as finely as the store keeps event
     * times: what is stored after it is later, for the replay and in the timeline's order.
     */
    private static Instant nextMillisecond() {
        Instant now = Instant.now();
        await().pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(1))
                .until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(now));
        return Instant.now();
    }

    private WebTestClient.ResponseSpec get(String path, String user) {
        return api().get("/api/v1/regions/halland" + path, user);
    }

    private Api api() {
        return new Api(web);
    }

    private static String need(NeedId need) {
        return "$.needs[?(@.needId == '" + need + "')]";
    }

    private static String roundChanges() {
        return "$.items[?(@.aggregateType == 'PriorityRound')]";
    }

    private PrioritiesDecided decided(int rankingVersion, String minutes) {
        return new PrioritiesDecided(round, HALLAND, rankingVersion, "Regionstyrelsen", LocalDate.of(2026, 11, 3), minutes,
                List.of(new Allocation(stroke, new BigDecimal("2500000"))), List.of(new NotPrioritised(dental, "Andra aktörer ansvarar")));
    }

    private static RankedNeed place(NeedId need, int level, String deviation) {
        return new RankedNeed(need, level, "Störst behov", Set.of(EthicalPrinciple.NEED_SOLIDARITY), Set.of(RankingCriterion.SEVERITY), deviation);
    }

    private static NeedAssessment assessment(Grade severity) {
        return new NeedAssessment(true, "Påverkbart", severity, Grade.HIGH, Grade.MODERATE, Grade.HIGH, 5000);
    }

    private static HealthIndicator indicator(String value, String period) {
        return new HealthIndicator("Andel", new BigDecimal(value), "%", Direction.HIGHER_IS_BETTER, "Riksstroke", Period.of(period), null);
    }

    private static HealthGap gapTo80(HealthIndicator indicator) {
        return HealthGap.between(indicator.currentValue(), new BigDecimal("80"), Direction.HIGHER_IS_BETTER);
    }
}

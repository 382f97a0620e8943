package se.nduh.query;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.kernel.commission.CommissionAccepted;
import se.nduh.kernel.commission.Collaboration;
import se.nduh.kernel.commission.CommissionClosed;
import se.nduh.kernel.commission.CommissionDraftDialogueAnswered;
import se.nduh.kernel.commission.CommissionDraftRevised;
import se.nduh.kernel.commission.CommissionDraftSentForDialogue;
import se.nduh.kernel.commission.CommissionDrafted;
import se.nduh.kernel.commission.CommissionId;
import se.nduh.kernel.commission.CommissionIssued;
import se.nduh.kernel.commission.CommissionTerms;
import se.nduh.kernel.commission.CommissionWarning;
import se.nduh.kernel.commission.Evaluation;
import se.nduh.kernel.commission.EvaluationFindings;
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
import se.nduh.kernel.commission.Principal;
import se.nduh.kernel.commission.ProposedChange;
import se.nduh.kernel.commission.Provider;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.priority.Allocation;
import se.nduh.kernel.priority.EthicalPrinciple;
import se.nduh.kernel.priority.NotPrioritised;
import se.nduh.kernel.priority.PrioritiesDecided;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;

/** The priority lists, the commission board and the outcome series over the real store. */
@PlatformIT
class RegionReadModelsIT {

    private static final RegionCode NORRBOTTEN = RegionCode.of("norrbotten");
    private static final NeedId DIABETES = NeedId.of("n-diabetes");
    private static final NeedId FALLS = NeedId.of("n-falls");
    private static final GoalId GOAL = GoalId.of("g-1");
    private static final FollowUpIndicatorId VISITS = FollowUpIndicatorId.of("i-1");

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;

    @Test
    void every_ranking_version_and_the_decision_with_its_allocations_and_icke_gora_list_are_kept() {
        PriorityRoundId round = PriorityRoundId.of(NORRBOTTEN, 2026);
        RankedNeed first = new RankedNeed(DIABETES, 1, "Svårast", Set.of(EthicalPrinciple.NEED_SOLIDARITY), Set.of(RankingCriterion.SEVERITY), null);
        store("PriorityRound", round.value(), new PriorityRoundOpened(round, NORRBOTTEN, 2026),
                new PrioritiesRanked(round, NORRBOTTEN, 1, List.of(first)),
                new PrioritiesRanked(round, NORRBOTTEN, 2, List.of(first,
                        new RankedNeed(FALLS, 2, "Många drabbade", Set.of(EthicalPrinciple.NEED_SOLIDARITY), Set.of(RankingCriterion.BENEFIT), null))),
                new PrioritiesDecided(round, NORRBOTTEN, 2, "Regionfullmäktige", LocalDate.of(2025, 11, 26), "RF §4",
                        List.of(new Allocation(DIABETES, new BigDecimal("2500000.50")), new Allocation(FALLS, new BigDecimal("800000"))),
                        List.of(new NotPrioritised(NeedId.of("n-other"), "Ryms inte"))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/v1/regions/norrbotten/priority-rounds/" + round)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.rankingVersions").isEqualTo(2)
                .jsonPath("$.latest.version").isEqualTo(2)
                .jsonPath("$.latest.ranking.length()").isEqualTo(2)
                .jsonPath("$.decided").isEqualTo(true)
                .jsonPath("$.decisions[0].rankingVersion").isEqualTo(2)
                .jsonPath("$.decisions[0].allocations[*].needId").isEqualTo(List.of(DIABETES.value(), FALLS.value()))
                .jsonPath("$.decisions[0].allocations[0].amountSek").isEqualTo(2500000.5)
                .jsonPath("$.decisions[0].notPrioritised[0].reason").isEqualTo("Ryms inte"));
        get("/api/v1/regions/norrbotten/priority-rounds?budgetYear=2026").expectStatus().isOk()
                .expectBody().jsonPath("$[0].id").isEqualTo(round.value());
        get("/api/v1/regions/norrbotten/priority-rounds/" + round + "/versions").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[*].version").isEqualTo(List.of(2, 1))
                .jsonPath("$.items[1].ranking.length()").isEqualTo(1);
        get("/api/v1/regions/norrbotten/priority-rounds/" + round + "/versions?page=1&size=1").expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].version").isEqualTo(List.of(1));
        get("/api/v1/regions/norrbotten/priority-rounds/" + round + "/versions?page=2&size=1").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(0);
        get("/api/v1/regions/norrbotten/priority-rounds/" + round + "/versions?size=101").expectStatus().isBadRequest();
        new Api(web).get("/api/v1/regions/halland/priority-rounds/" + round + "/versions", "halland-revisor").expectStatus().isNotFound();
    }

    @Test
    void the_board_shows_status_warnings_and_goal_fulfilment_and_the_series_keeps_corrections_marked() {
        CommissionId commission = CommissionId.random();
        CommissionTerms terms = diabetesTerms("Vårdgivaren i Region Norrbotten");
        Set<CommissionWarning> warnings = Set.of(CommissionWarning.FOLLOW_UP_ONLY_AT_ACTIVITY_LEVEL, CommissionWarning.NO_POPULATION_PERSPECTIVE);
        store("Commission", commission.value(), new CommissionDrafted(commission, NORRBOTTEN, terms, warnings),
                new CommissionIssued(commission, NORRBOTTEN, "Nämnden", LocalDate.of(2026, 1, 15), warnings),
                new CommissionAccepted(commission, NORRBOTTEN),
                new OutcomeRecorded(commission, NORRBOTTEN, OutcomeId.of("o-1"), VISITS, Period.of("2026-Q1"), new BigDecimal("18"),
                        "NDR", null, GOAL, new BigDecimal("0.2")),
                new OutcomeRecorded(commission, NORRBOTTEN, OutcomeId.of("o-2"), VISITS, Period.of("2026-Q2"), new BigDecimal("17"),
                        "NDR", null, GOAL, new BigDecimal("0.3")),
                new OutcomeRecorded(commission, NORRBOTTEN, OutcomeId.of("o-3"), VISITS, Period.of("2026-Q2"), new BigDecimal("16"),
                        "NDR", OutcomeId.of("o-2"), GOAL, new BigDecimal("0.4")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/v1/regions/norrbotten/commissions/" + commission)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ACCEPTED")
                .jsonPath("$.warnings.length()").isEqualTo(2)
                .jsonPath("$.terms.provider").isEqualTo("Vårdgivaren i Region Norrbotten")
                .jsonPath("$.goalFulfilment[0].period").isEqualTo("2026-Q2")
                .jsonPath("$.goalFulfilment[0].fulfilment").isEqualTo(0.4)
                .jsonPath("$.latestOutcomes[0].value").isEqualTo(16));
        get("/api/v1/regions/norrbotten/outcomes?commission=" + commission + "&indicator=i-1").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[?(@.outcomeId == 'o-2')].superseded").isEqualTo(true)
                .jsonPath("$[?(@.outcomeId == 'o-3')].superseded").isEqualTo(false);
        web.get().uri("/api/v1/regions/norrbotten/commissions").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("norrbotten-utforare"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo(commission.value());
        web.get().uri("/api/v1/regions/norrbotten/needs").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("norrbotten-utforare"))
                .exchange().expectStatus().isForbidden();

        CommissionId elsewhere = CommissionId.random();
        store("Commission", elsewhere.value(), new CommissionDrafted(elsewhere, NORRBOTTEN, diabetesTerms("Annan vårdgivare"), warnings));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/v1/regions/norrbotten/commissions/" + elsewhere)
                .expectStatus().isOk());
        web.get().uri("/api/v1/regions/norrbotten/commissions/" + elsewhere)
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("norrbotten-utforare"))
                .exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/regions/norrbotten/commissions").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("norrbotten-utforare"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void a_closed_commission_shows_its_evaluation_with_success_factors_obstacles_and_lessons() {
        CommissionId commission = CommissionId.random();
        EvaluationFindings findings = new EvaluationFindings(List.of("Diabetessjuksköterskor på varje vårdcentral"),
                List.of("Journalsystemen talar inte med varandra", "Svårt att rekrytera"), List.of("Följ upp effekten, inte bara besöken"));
        store("Commission", commission.value(), new CommissionDrafted(commission, NORRBOTTEN,
                        diabetesTerms("Norrbottens diabetesmottagning"), Set.of()),
                new CommissionIssued(commission, NORRBOTTEN, "Nämnden", LocalDate.of(2026, 1, 15), Set.of()),
                new CommissionAccepted(commission, NORRBOTTEN),
                new CommissionClosed(commission, NORRBOTTEN, Evaluation.PARTLY_ACHIEVED, "Halva vägen", findings));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/v1/regions/norrbotten/commissions/" + commission)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.evaluation").isEqualTo("PARTLY_ACHIEVED")
                .jsonPath("$.findings.successFactors[0]").isEqualTo("Diabetessjuksköterskor på varje vårdcentral")
                .jsonPath("$.findings.obstacles.length()").isEqualTo(2)
                .jsonPath("$.findings.lessons[0]").isEqualTo("Följ upp effekten, inte bara besöken"));
    }

    @Test
    void a_joint_commission_shows_its_principals_and_every_round_of_dialogue_with_the_draft_version_it_was_about() {
        CommissionId commission = CommissionId.random();
        Collaboration joint = new Collaboration(Collaboration.Scope.JOINT, List.of(
                new Principal(Principal.Kind.MUNICIPALITY, "Luleå kommun", null),
                new Principal(Principal.Kind.REGION, null, RegionCode.of("vasterbotten"))));
        CommissionTerms first = diabetesTerms("Närsjukvården Luleå", LocalDate.of(2028, 12, 31), joint);
        CommissionTerms second = diabetesTerms("Närsjukvården Luleå", LocalDate.of(2029, 6, 30), joint);
        ProposedChange longer = new ProposedChange(ProposedChange.Term.TIMELINE, null, "Förläng till mitten av 2029");
        store("Commission", commission.value(), new CommissionDrafted(commission, NORRBOTTEN, first, Set.of()),
                new CommissionDraftSentForDialogue(commission, NORRBOTTEN, 1, 1, first),
                new CommissionDraftDialogueAnswered(commission, NORRBOTTEN, 1, 1, "Tidsplanen är snäv", List.of(longer)),
                new CommissionDraftRevised(commission, NORRBOTTEN, second, Set.of()),
                new CommissionDraftSentForDialogue(commission, NORRBOTTEN, 2, 2, second));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/v1/regions/norrbotten/commissions/" + commission)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("DRAFT")
                .jsonPath("$.draftVersion").isEqualTo(2)
                .jsonPath("$.terms.collaboration.scope").isEqualTo("JOINT")
                .jsonPath("$.terms.collaboration.principals[0].name").isEqualTo("Luleå kommun")
                .jsonPath("$.terms.collaboration.principals[1].region").isEqualTo("vasterbotten")
                .jsonPath("$.dialogue.length()").isEqualTo(2)
                .jsonPath("$.dialogue[0].draftVersion").isEqualTo(1)
                .jsonPath("$.dialogue[0].terms.end").isEqualTo("2028-12-31")
                .jsonPath("$.dialogue[0].comments").isEqualTo("Tidsplanen är snäv")
                .jsonPath("$.dialogue[0].proposedChanges[0].term").isEqualTo("TIMELINE")
                .jsonPath("$.dialogue[0].answeredAt").isNotEmpty()
                .jsonPath("$.dialogue[1].draftVersion").isEqualTo(2)
                .jsonPath("$.dialogue[1].terms.end").isEqualTo("2029-06-30")
                .jsonPath("$.dialogue[1].answeredAt").isEmpty());
        get("/api/v1/regions/norrbotten/commissions?collaboration=JOINT&size=200").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == '" + commission + "')].terms.collaboration.scope").isEqualTo("JOINT");
        get("/api/v1/regions/norrbotten/commissions?collaboration=OWN_ORGANISATION&size=200").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == '" + commission + "')]").isEmpty();
    }

    private static CommissionTerms diabetesTerms(String provider) {
        return diabetesTerms(provider, LocalDate.of(2028, 12, 31), Collaboration.OWN_ORGANISATION);
    }

    private static CommissionTerms diabetesTerms(String provider, LocalDate end, Collaboration collaboration) {
        return new CommissionTerms(PriorityRoundId.of(NORRBOTTEN, 2026), Set.of(DIABETES),
                Provider.of(provider), "Diabetesvård", Set.of(KindOfEffort.TREATMENT),
                List.of(new Goal(GOAL, "Komplikationer", new BigDecimal("20"), new BigDecimal("10"), LocalDate.of(2028, 12, 31))),
                LocalDate.of(2026, 1, 1), end,
                List.of(new FollowUpIndicator(VISITS, "Besök", FollowUpLevel.ACTIVITY, Perspective.OPERATIONAL,
                        Frequency.MONTH, GOAL, null)),
                new PaymentModel(PaymentModel.Kind.PASSIVE, new BigDecimal("1000000"), null, Set.of()), Set.of(), collaboration);
    }

    private void store(String type, String aggregate, Object... events) {
        for (int i = 0; i < events.length; i++) {
            StoredEvents.append(eventStore, type, aggregate, i, events[i], "fortroendevald", "norrbotten");
        }
    }

    private WebTestClient.ResponseSpec get(String path) {
        return new Api(web).get(path, "norrbotten-revisor");
    }
}

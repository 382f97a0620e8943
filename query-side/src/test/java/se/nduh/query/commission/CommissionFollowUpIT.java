package se.nduh.query.commission;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.kernel.commission.CommissionAccepted;
import se.nduh.kernel.commission.CommissionDraftDialogueWithdrawn;
import se.nduh.kernel.commission.CommissionDraftSentForDialogue;
import se.nduh.kernel.commission.CommissionDrafted;
import se.nduh.kernel.commission.CommissionId;
import se.nduh.kernel.commission.CommissionIssued;
import se.nduh.kernel.commission.CommissionPlanRevisionAgreed;
import se.nduh.kernel.commission.CommissionPlanRevisionDeclined;
import se.nduh.kernel.commission.CommissionPlanRevisionProposed;
import se.nduh.kernel.commission.CommissionTerms;
import se.nduh.kernel.commission.CommissionWarning;
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
import se.nduh.kernel.commission.PlanParty;
import se.nduh.kernel.commission.Provider;
import se.nduh.kernel.commission.RevisedPlan;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.priority.PriorityRoundId;
import se.nduh.kernel.region.RegionCode;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.StoredEvents;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;

/**
 * The commission board during follow-up over the real store: a withdrawn round of dialogue, a revised plan with its
 * versions and the outcomes recorded under each, and each decision level's own follow-up.
 */
@PlatformIT
class CommissionFollowUpIT {

    private static final RegionCode STOCKHOLM = RegionCode.of("stockholm");
    private static final String REGION = "/api/v1/regions/stockholm";
    private static final Provider PROVIDER = Provider.of("Vårdgivaren i Region Stockholm");
    private static final GoalId GOAL = GoalId.of("g-1");
    private static final FollowUpIndicator COMPLICATIONS = new FollowUpIndicator(FollowUpIndicatorId.of("i-effect"), "Andel med komplikationer",
            FollowUpLevel.EFFECT, Perspective.POPULATION, Frequency.YEAR, GOAL, null);
    private static final FollowUpIndicator HBA1C = new FollowUpIndicator(FollowUpIndicatorId.of("i-activity"), "Genomförda HbA1c-prov",
            FollowUpLevel.ACTIVITY, Perspective.OPERATIONAL, Frequency.MONTH, null, null);
    private static final FollowUpIndicator FEET = new FollowUpIndicator(FollowUpIndicatorId.of("i-process"), "Andel med fotundersökning",
            FollowUpLevel.PROCESS, Perspective.OPERATIONAL, Frequency.YEAR, GOAL, null);

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;

    @Test
    void a_withdrawn_round_stays_in_the_dialogue_marked_with_when_and_why() {
        CommissionId commission = CommissionId.random();
        CommissionTerms terms = terms(PROVIDER, List.of(COMPLICATIONS));
        store(commission, new CommissionDrafted(commission, STOCKHOLM, terms, Set.of()),
                new CommissionDraftSentForDialogue(commission, STOCKHOLM, 1, 1, terms),
                new CommissionDraftDialogueWithdrawn(commission, STOCKHOLM, 1, 1, "Fel version skickades", "u-42"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/commissions/" + commission).expectStatus().isOk().expectBody()
                .jsonPath("$.dialogue.length()").isEqualTo(1)
                .jsonPath("$.dialogue[0].withdrawnAt").isNotEmpty()
                .jsonPath("$.dialogue[0].withdrawalReason").isEqualTo("Fel version skickades")
                .jsonPath("$.dialogue[0].withdrawnBy").isEqualTo("u-42")
                .jsonPath("$.dialogue[0].answeredAt").isEmpty());
    }

    @Test
    void a_revised_plan_shows_its_versions_the_settled_proposals_and_the_plan_version_of_each_outcome() {
        CommissionId commission = CommissionId.random();
        CommissionTerms accepted = terms(PROVIDER, List.of(COMPLICATIONS, HBA1C));
        RevisedPlan declined = new RevisedPlan(accepted.goals(), List.of(COMPLICATIONS), accepted.payment());
        RevisedPlan revised = new RevisedPlan(List.of(new Goal(GOAL, "Andel med komplikationer", new BigDecimal("20"), new BigDecimal("8"),
                LocalDate.of(2028, 6, 30))), List.of(COMPLICATIONS, FEET), accepted.payment());
        store(commission, new CommissionDrafted(commission, STOCKHOLM, accepted, Set.of()),
                new CommissionIssued(commission, STOCKHOLM, "Nämnden", LocalDate.of(2026, 1, 15), Set.of()),
                new CommissionAccepted(commission, STOCKHOLM),
                new OutcomeRecorded(commission, STOCKHOLM, OutcomeId.of(commission + "-o1"), COMPLICATIONS.indicatorId(), Period.of("2026"),
                        new BigDecimal("18"), "NDR", null, GOAL, new BigDecimal("0.2")),
                new CommissionPlanRevisionProposed(commission, STOCKHOLM, 1, declined, Set.of(), "Färre indikatorer", "u-servant", PlanParty.REGION),
                new CommissionPlanRevisionDeclined(commission, STOCKHOLM, 1, "Aktiviteterna behövs", "u-official"),
                new CommissionPlanRevisionProposed(commission, STOCKHOLM, 2, revised, Set.of(CommissionWarning.FOLLOW_UP_FREQUENCY_UNFIT_FOR_LEVEL),
                        "Målet nås tidigare", "u-provider", PlanParty.PROVIDER),
                new CommissionPlanRevisionAgreed(commission, STOCKHOLM, 2, 2, revised.applyTo(accepted),
                        Set.of(CommissionWarning.FOLLOW_UP_FREQUENCY_UNFIT_FOR_LEVEL), "u-official"),
                new OutcomeRecorded(commission, STOCKHOLM, OutcomeId.of(commission + "-o2"), COMPLICATIONS.indicatorId(), Period.of("2027"),
                        new BigDecimal("14"), "NDR", null, GOAL, new BigDecimal("0.5"), 2));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/commissions/" + commission).expectStatus().isOk().expectBody()
                .jsonPath("$.planVersion").isEqualTo(2)
                .jsonPath("$.terms.goals[0].target").isEqualTo(8)
                .jsonPath("$.terms.followUpPlan[1].indicatorId").isEqualTo("i-process")
                .jsonPath("$.warnings[0]").isEqualTo("FOLLOW_UP_FREQUENCY_UNFIT_FOR_LEVEL")
                .jsonPath("$.planRevisions.length()").isEqualTo(2)
                .jsonPath("$.planRevisions[0].status").isEqualTo("DECLINED")
                .jsonPath("$.planRevisions[0].declineReason").isEqualTo("Aktiviteterna behövs")
                .jsonPath("$.planRevisions[1].status").isEqualTo("AGREED")
                .jsonPath("$.planRevisions[1].planVersion").isEqualTo(2)
                .jsonPath("$.planVersions.length()").isEqualTo(2)
                .jsonPath("$.planVersions[0].version").isEqualTo(1)
                .jsonPath("$.planVersions[1].version").isEqualTo(2)
                .jsonPath("$.planVersions[1].reason").isEqualTo("Målet nås tidigare")
                .jsonPath("$.planVersions[1].proposedBy").isEqualTo("u-provider")
                .jsonPath("$.planVersions[1].party").isEqualTo("PROVIDER")
                .jsonPath("$.planVersions[1].agreedBy").isEqualTo("u-official")
                .jsonPath("$.planVersions[1].since").isNotEmpty());
        get("/outcomes?commission=" + commission).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].period").isEqualTo("2026").jsonPath("$[0].planVersion").isEqualTo(1)
                .jsonPath("$[1].period").isEqualTo("2027").jsonPath("$[1].planVersion").isEqualTo(2);
    }

    @Test
    void each_decision_level_sees_its_own_indicators_of_the_accepted_commissions_with_the_latest_outcome() {
        CommissionId commission = CommissionId.random();
        CommissionId draft = CommissionId.random();
        CommissionTerms terms = terms(Provider.of("Stockholms nivåvårdgivare"), List.of(COMPLICATIONS, HBA1C, FEET));
        store(commission, new CommissionDrafted(commission, STOCKHOLM, terms, Set.of()),
                new CommissionIssued(commission, STOCKHOLM, "Nämnden", LocalDate.of(2026, 1, 15), Set.of()),
                new CommissionAccepted(commission, STOCKHOLM),
                new OutcomeRecorded(commission, STOCKHOLM, OutcomeId.of(commission + "-o1"), COMPLICATIONS.indicatorId(), Period.of("2026"),
                        new BigDecimal("18"), "NDR", null, GOAL, new BigDecimal("0.2")),
                new OutcomeRecorded(commission, STOCKHOLM, OutcomeId.of(commission + "-o2"), COMPLICATIONS.indicatorId(), Period.of("2027"),
                        new BigDecimal("15"), "NDR", null, GOAL, new BigDecimal("0.5")),
                // a group's outcome, of a later period: followed up beside the whole population's, never as its latest
                new OutcomeRecorded(commission, STOCKHOLM, OutcomeId.of(commission + "-o3"), COMPLICATIONS.indicatorId(), Period.of("2028"),
                        new BigDecimal("25"), "NDR", null, null, null, 1, "Förgymnasial utbildning"));
        store(draft, new CommissionDrafted(draft, STOCKHOLM, terms, Set.of()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/follow-up?level=politik").expectStatus().isOk().expectBody()
                .jsonPath("$.followUpLevel").isEqualTo("EFFECT")
                .jsonPath("$.pace").isEqualTo("halvår–år")
                .jsonPath("$.indicators.items[?(@.commissionId == '" + commission + "')].indicator.indicatorId").isEqualTo(List.of("i-effect"))
                .jsonPath("$.indicators.items[?(@.commissionId == '" + commission + "')].latestOutcome.period").isEqualTo(List.of("2027"))
                .jsonPath("$.indicators.items[?(@.commissionId == '" + commission + "')].goalFulfilment").isEqualTo(List.of(0.5))
                .jsonPath("$.indicators.items[?(@.commissionId == '" + draft + "')]").isEmpty());
        get("/outcomes?commission=" + commission).expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.group == 'Förgymnasial utbildning')].value").isEqualTo(List.of(25))
                .jsonPath("$[?(@.period == '2027')].group").isEqualTo(java.util.Collections.singletonList(null));
        get("/commissions/" + commission).expectStatus().isOk().expectBody()
                .jsonPath("$.latestOutcomes[*].period").isEqualTo(List.of("2027"));
        get("/follow-up?level=team").expectStatus().isOk().expectBody()
                .jsonPath("$.followUpLevel").isEqualTo("ACTIVITY")
                .jsonPath("$.indicators.items[?(@.commissionId == '" + commission + "')].indicator.indicatorId").isEqualTo(List.of("i-activity"))
                .jsonPath("$.indicators.items[?(@.commissionId == '" + commission + "')].frequencyFitsLevel").isEqualTo(List.of(true));
        get("/follow-up?level=enhet").expectStatus().isOk().expectBody()
                .jsonPath("$.indicators.items[?(@.commissionId == '" + commission + "')].frequencyFitsLevel").isEqualTo(List.of(false));
        get("/follow-up?level=forvaltning&size=1").expectStatus().isOk().expectBody()
                .jsonPath("$.indicators.size").isEqualTo(1)
                .jsonPath("$.indicators.items[?(@.commissionId == '" + commission + "')]").isEmpty();
        get("/follow-up?level=ledning").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("level");
        get("/follow-up?level=politik&size=201").expectStatus().isBadRequest();
        new Api(web).get(REGION + "/follow-up?level=politik", "stockholm-utforare").expectStatus().isOk().expectBody()
                .jsonPath("$.indicators.items[?(@.commissionId == '" + commission + "')]").isEmpty();
        new Api(web).get(REGION + "/follow-up?level=politik", "halland-revisor").expectStatus().isForbidden();
    }

    private static CommissionTerms terms(Provider provider, List<FollowUpIndicator> plan) {
        return new CommissionTerms(PriorityRoundId.of(STOCKHOLM, 2026), Set.of(NeedId.of("n-stockholm-diabetes")), provider,
                "Diabetesvård", Set.of(KindOfEffort.TREATMENT),
                List.of(new Goal(GOAL, "Andel med komplikationer", new BigDecimal("20"), new BigDecimal("10"), LocalDate.of(2028, 12, 31))),
                LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31), plan,
                new PaymentModel(PaymentModel.Kind.PASSIVE, new BigDecimal("1000000"), null, Set.of()), Set.of(), null);
    }

    private void store(CommissionId commission, Object... events) {
        for (int i = 0; i < events.length; i++) {
            StoredEvents.append(eventStore, "Commission", commission.value(), i, events[i], "tjansteperson", "stockholm");
        }
    }

    private WebTestClient.ResponseSpec get(String path) {
        return new Api(web).get(REGION + path, "stockholm-revisor");
    }
}

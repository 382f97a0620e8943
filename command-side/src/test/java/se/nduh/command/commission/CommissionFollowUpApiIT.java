package se.nduh.command.commission;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.kernel.commission.CommissionAccepted;
import se.nduh.kernel.commission.CommissionDraftSentForDialogue;
import se.nduh.kernel.commission.CommissionDrafted;
import se.nduh.kernel.commission.CommissionId;
import se.nduh.kernel.commission.CommissionIssued;
import se.nduh.kernel.commission.CommissionPlanRevisionProposed;
import se.nduh.kernel.commission.CommissionTerms;
import se.nduh.kernel.commission.FollowUpIndicator;
import se.nduh.kernel.commission.FollowUpIndicatorId;
import se.nduh.kernel.commission.FollowUpLevel;
import se.nduh.kernel.commission.Frequency;
import se.nduh.kernel.commission.Goal;
import se.nduh.kernel.commission.GoalId;
import se.nduh.kernel.commission.OutcomeRecorded;
import se.nduh.kernel.commission.PaymentModel;
import se.nduh.kernel.commission.Perspective;
import se.nduh.kernel.commission.PlanParty;
import se.nduh.kernel.commission.Provider;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.priority.PriorityRoundId;
import se.nduh.kernel.region.RegionCode;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.StoredEvents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the command API, each step by the role that takes it: a round of dialogue the region withdraws before the
 * provider answers, and the plan of an accepted commission revised during follow-up ("Behöver planen revideras?").
 * The commission's earlier life is stored as the command side would have stored it.
 */
@PlatformIT
class CommissionFollowUpApiIT {

    private static final RegionCode VASTMANLAND = RegionCode.of("vastmanland");
    private static final String REGION = "/api/v1/regions/vastmanland";
    private static final String CIVIL_SERVANT = "vastmanland-tjansteperson";
    private static final String OFFICIAL = "vastmanland-fortroendevald";
    private static final String PROVIDER = "vastmanland-utforare";
    private static final String AUDITOR = "vastmanland-revisor";
    private static final GoalId GOAL = GoalId.of("g-1");

    /** Keeps the effect indicator, swaps the activity for a monthly process indicator, moves the target to 8 %. */
    private static final String REVISION = """
            {"goals": [{"goalId": "g-1", "indicator": "Andel med komplikationer", "baseline": 20, "target": 8, "targetDate": "2028-06-30"}],
             "followUpPlan": [
               {"indicatorId": "i-1", "name": "Andel med komplikationer", "level": "EFFECT", "perspective": "POPULATION", "frequency": "YEAR", "goalId": "g-1"},
               {"indicatorId": "i-3", "name": "Andel med årlig fotundersökning", "level": "PROCESS", "perspective": "OPERATIONAL", "frequency": "MONTH", "goalId": "g-1"}],
             "payment": {"kind": "ACTIVE", "amountSek": 8000000, "linkedShare": 0.3, "linkedGoalIds": ["g-1"]},
             "reason": %s}""";

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;

    @Test
    void the_region_withdraws_a_round_the_provider_has_not_answered_and_issues_the_draft() {
        CommissionId commission = CommissionId.random();
        store(commission, new CommissionDrafted(commission, VASTMANLAND, terms(), Set.of()));
        store(commission, new CommissionDraftSentForDialogue(commission, VASTMANLAND, 1, 1, terms()));
        String path = REGION + "/commissions/" + commission;

        call(path + "/dialogue-withdrawal", PROVIDER, "{\"reason\": \"Fel version\"}").expectStatus().isForbidden();
        call(path + "/dialogue-withdrawal", CIVIL_SERVANT, "{\"reason\": \" \"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason").jsonPath("$.errors[0].rule").isEqualTo("NotBlank");
        assertThat(stored(commission)).hasSize(2);
        call(path + "/dialogue-withdrawal", CIVIL_SERVANT, "{\"reason\": \"Fel version skickades\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        call(path + "/dialogue-withdrawal", CIVIL_SERVANT, "{\"reason\": \"Fel version skickades\"}")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("DialogueRoundNotAwaitingAnswer").jsonPath("$.field").isEqualTo("status");
        call(path + "/dialogue-answer", PROVIDER, "{\"comments\": \"För sent\"}")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("NoDraftDialogueAwaitingAnswer");
        call(path + "/issue", OFFICIAL, "{\"decidedBy\": \"Nämnden\", \"decisionDate\": \"2026-01-10\"}").expectStatus().isOk();

        assertThat(stored(commission).stream().map(event -> event.getPayloadType().getSimpleName()))
                .containsExactly("CommissionDrafted", "CommissionDraftSentForDialogue", "CommissionDraftDialogueWithdrawn", "CommissionIssued");
    }

    @Test
    void the_provider_proposes_a_revised_plan_the_elected_officials_agree_and_outcomes_follow_the_new_plan() {
        CommissionId commission = acceptedCommission();
        String path = REGION + "/commissions/" + commission;
        call(path + "/outcomes", PROVIDER, "{\"indicatorId\": \"i-2\", \"period\": \"2026\", \"value\": 400, \"source\": \"Journalen\"}")
                .expectStatus().isCreated();

        call(path + "/plan-revision", AUDITOR, REVISION.formatted("\"Målet nås tidigare\"")).expectStatus().isForbidden();
        call(path + "/plan-revision", PROVIDER, REVISION.formatted("\"" + "x".repeat(2001) + "\""))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        call(path + "/plan-revision", PROVIDER, REVISION.formatted("\"Målet nås tidigare\"").replace("\"goalId\": \"g-1\"}]", "\"goalId\": null}]")
                        .replace("\"goalId\": \"g-1\"},", "\"goalId\": null},"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("CommissionGoalNotFollowedUp").jsonPath("$.field").isEqualTo("followUpPlan");
        call(path + "/plan-revision/agreement", OFFICIAL, "{}")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("NoPlanRevisionOpen");
        assertThat(stored(commission)).hasSize(4);

        call(path + "/plan-revision", PROVIDER, REVISION.formatted("\"Fotundersökningar styr mer än HbA1c-proven\""))
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(4);
        call(path + "/plan-revision", CIVIL_SERVANT, REVISION.formatted("\"Ett annat förslag\""))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("PlanRevisionAlreadyOpen");
        call(path + "/plan-revision/withdrawal", CIVIL_SERVANT, "{}")
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.rule").isEqualTo("PlanRevisionOfTheOtherSide");
        call(path + "/plan-revision/agreement", CIVIL_SERVANT, "{}").expectStatus().isForbidden();
        call(path + "/plan-revision/decline", OFFICIAL, "{}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        call(path + "/plan-revision/agreement", OFFICIAL, "{}").expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(5);

        call(path + "/outcomes", PROVIDER, "{\"indicatorId\": \"i-2\", \"period\": \"2027\", \"value\": 380, \"source\": \"Journalen\"}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("OutcomeIndicatorNotInPlan").jsonPath("$.field").isEqualTo("indicatorId");
        call(path + "/outcomes", PROVIDER, "{\"indicatorId\": \"i-3\", \"period\": \"2027\", \"value\": 0.8, \"source\": \"Journalen\"}")
                .expectStatus().isCreated();

        List<? extends DomainEventMessage<?>> events = stored(commission);
        assertThat(events.stream().map(event -> event.getPayloadType().getSimpleName())).containsExactly("CommissionDrafted",
                "CommissionIssued", "CommissionAccepted", "OutcomeRecorded", "CommissionPlanRevisionProposed",
                "CommissionPlanRevisionAgreed", "OutcomeRecorded");
        assertThat(events.stream().filter(event -> event.getPayload() instanceof OutcomeRecorded)
                .map(event -> ((OutcomeRecorded) event.getPayload()).planVersion())).containsExactly(1, 2);
        DomainEventMessage<?> proposal = events.get(4);
        assertThat(proposal.getPayload()).isInstanceOfSatisfying(CommissionPlanRevisionProposed.class, proposed -> {
            assertThat(proposed.party()).isEqualTo(PlanParty.PROVIDER);
            assertThat(proposed.proposedBy()).isEqualTo(proposal.getMetaData().get("userId"))
                    .isNotEqualTo(PROVIDER).doesNotContain("Utförare");
        });
    }

    private CommissionId acceptedCommission() {
        CommissionId commission = CommissionId.random();
        store(commission, new CommissionDrafted(commission, VASTMANLAND, terms(), Set.of()));
        store(commission, new CommissionIssued(commission, VASTMANLAND, "Nämnden", LocalDate.of(2026, 1, 10), Set.of()));
        store(commission, new CommissionAccepted(commission, VASTMANLAND));
        return commission;
    }

    private static CommissionTerms terms() {
        return new CommissionTerms(PriorityRoundId.of(VASTMANLAND, 2026), Set.of(NeedId.of("need-vastmanland-diabetes")),
                Provider.of("Vårdgivaren i Region Västmanland"), "Strukturerad diabetesvård", Set.of(KindOfEffort.TREATMENT),
                List.of(new Goal(GOAL, "Andel med komplikationer", new BigDecimal("20"), new BigDecimal("10"), LocalDate.of(2028, 12, 31))),
                LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31),
                List.of(new FollowUpIndicator(FollowUpIndicatorId.of("i-1"), "Andel med komplikationer", FollowUpLevel.EFFECT,
                                Perspective.POPULATION, Frequency.YEAR, GOAL, null),
                        new FollowUpIndicator(FollowUpIndicatorId.of("i-2"), "Genomförda HbA1c-prov", FollowUpLevel.ACTIVITY,
                                Perspective.OPERATIONAL, Frequency.MONTH, null, null)),
                new PaymentModel(PaymentModel.Kind.ACTIVE, new BigDecimal("8000000"), new BigDecimal("0.2"), Set.of(GOAL)), Set.of(), null);
    }

    private void store(CommissionId commission, Object event) {
        StoredEvents.append(eventStore, "Commission", commission.value(), stored(commission).size(), event, "tjansteperson", "vastmanland");
    }

    private List<? extends DomainEventMessage<?>> stored(CommissionId commission) {
        return eventStore.readEvents(commission.value()).asStream().toList();
    }

    private WebTestClient.ResponseSpec call(String path, String user, String body) {
        return new Api(web).call(HttpMethod.POST, path, user, body);
    }
}

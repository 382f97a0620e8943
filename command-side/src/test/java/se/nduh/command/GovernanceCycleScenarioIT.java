package se.nduh.command;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.kernel.commission.CommissionClosed;
import se.nduh.kernel.commission.CommissionDraftSentForDialogue;
import se.nduh.kernel.commission.CommissionId;
import se.nduh.kernel.commission.Evaluation;
import se.nduh.kernel.commission.EvaluationFindings;
import se.nduh.kernel.commission.Principal;
import se.nduh.kernel.region.RegionCode;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole cycle of one region through the command API, each step by the role that takes it:
 * Behov → Prioritering → Uppdrag → Uppföljning. The commission is shared with a municipality and goes to its
 * provider for dialogue before the decision, twice, as the workshop's commissioning steps have it.
 */
@PlatformIT
class GovernanceCycleScenarioIT {

    private static final String CIVIL_SERVANT = "vastmanland-tjansteperson";
    private static final String OFFICIAL = "vastmanland-fortroendevald";
    private static final String PROVIDER = "vastmanland-utforare";
    private static final String REGION = "/api/v1/regions/vastmanland";

    private static final String PLAN = """
            [{"indicatorId": "i-1", "name": "Andel med komplikationer", "level": "EFFECT", "perspective": "POPULATION",
              "frequency": "YEAR", "goalId": "g-1"}]""";
    /** Uppdrag i samverkan mellan huvudmän: the region shares the commission with its largest municipality. */
    private static final String JOINT = """
            {"scope": "JOINT", "principals": [{"kind": "MUNICIPALITY", "name": "Västerås stad"}]}""";

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;

    @Test
    void a_need_is_described_prioritised_commissioned_and_followed_up() {
        String need = id(call(HttpMethod.POST, REGION + "/needs", CIVIL_SERVANT, """
                {"title": "Diabeteskomplikationer", "needGroup": {"description": "Personer med typ 2-diabetes", "size": 18000},
                 "kindsOfEffort": ["TREATMENT", "PREVENTIVE"],
                 "indicator": {"name": "Andel med komplikationer", "currentValue": 20, "unit": "%",
                               "direction": "LOWER_IS_BETTER", "source": "NDR", "period": "2025"}}""").expectStatus().isCreated());
        call(HttpMethod.PUT, REGION + "/needs/" + need + "/health-target", OFFICIAL, "{\"target\": 10, \"targetYear\": 2030}")
                .expectStatus().isOk();
        call(HttpMethod.PUT, REGION + "/needs/" + need + "/assessment", CIVIL_SERVANT, """
                {"careNeed": true, "justification": "Strukturerad diabetesvård minskar komplikationer", "severity": "HIGH",
                 "benefit": "HIGH", "costEffectiveness": "HIGH", "evidenceCertainty": "HIGH", "peopleAffected": 18000}""")
                .expectStatus().isOk();

        call(HttpMethod.POST, REGION + "/priority-rounds", OFFICIAL, "{\"budgetYear\": 2026}").expectStatus().isCreated();
        call(HttpMethod.PUT, REGION + "/priority-rounds/vastmanland-2026/ranking", OFFICIAL, """
                {"ranking": [{"needId": "%s", "priorityLevel": 1, "rationale": "Stort behov, god effekt",
                              "principles": ["NEED_SOLIDARITY", "COST_EFFECTIVENESS"], "criteria": ["SEVERITY", "BENEFIT"]}]}"""
                .formatted(need)).expectStatus().isOk();
        call(HttpMethod.POST, REGION + "/priority-rounds/vastmanland-2026/decision", OFFICIAL, """
                {"decidedBy": "Regionfullmäktige", "decisionDate": "2025-11-25", "minutesReference": "RF §9",
                 "allocations": [{"needId": "%s", "amountSek": 8000000}], "notPrioritised": []}""".formatted(need))
                .expectStatus().isOk();

        checkWhileWriting(need);
        call(HttpMethod.POST, REGION + "/commissions", CIVIL_SERVANT, terms(need, "[]", "2028-12-31", JOINT))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("NoFollowUpPlan").jsonPath("$.field").isEqualTo("followUpPlan");
        call(HttpMethod.POST, REGION + "/commissions", CIVIL_SERVANT, terms(need, PLAN, "2028-12-31", """
                {"scope": "JOINT", "principals": [{"kind": "REGION", "region": "vastmanland"}]}"""))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("PrincipalIsTheRegionItself")
                .jsonPath("$.field").isEqualTo("collaboration.principals[0]");
        String commission = id(call(HttpMethod.POST, REGION + "/commissions", CIVIL_SERVANT, terms(need, PLAN, "2028-12-31", JOINT))
                .expectStatus().isCreated());
        String path = REGION + "/commissions/" + commission;

        call(HttpMethod.POST, path + "/acceptance", PROVIDER, "{}").expectStatus().isEqualTo(409);
        dialogue(path, need);
        call(HttpMethod.POST, path + "/issue", CIVIL_SERVANT, "{\"decidedBy\": \"Nämnden\", \"decisionDate\": \"2026-01-10\"}")
                .expectStatus().isForbidden();
        call(HttpMethod.POST, path + "/issue", OFFICIAL, "{\"decidedBy\": \"Nämnden\", \"decisionDate\": \"2026-01-10\"}")
                .expectStatus().isOk();
        call(HttpMethod.POST, path + "/acceptance", "vastmanland-revisor", "{}").expectStatus().isForbidden();
        call(HttpMethod.POST, path + "/acceptance", PROVIDER, "{}").expectStatus().isOk();

        call(HttpMethod.POST, path + "/outcomes", PROVIDER, "{\"indicatorId\": \"i-1\", \"period\": \"2026\", \"value\": 17, \"source\": \"NDR\"}")
                .expectStatus().isCreated();
        call(HttpMethod.POST, path + "/outcomes", CIVIL_SERVANT, "{\"indicatorId\": \"i-1\", \"period\": \"2026\", \"value\": 16, \"source\": \"NDR\"}")
                .expectStatus().isCreated();
        call(HttpMethod.POST, path + "/outcomes", CIVIL_SERVANT, "{\"indicatorId\": \"i-9\", \"period\": \"2026\", \"value\": 1, \"source\": \"NDR\"}")
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.rule").isEqualTo("OutcomeIndicatorNotInPlan");
        refusedClosure(path, "\"successFactors\": [" + "\"Stöd\", ".repeat(20) + "\"Stöd\"]", "successFactors");
        refusedClosure(path, "\"obstacles\": [\"" + "x".repeat(501) + "\"]", "obstacles[0]");
        refusedClosure(path, "\"lessons\": [42]", "lessons[0]");
        call(HttpMethod.POST, path + "/closure", OFFICIAL, """
                {"evaluation": "PARTLY_ACHIEVED", "why": "Hälften av gapet slutet",
                 "successFactors": ["Diabetessjuksköterskor på varje vårdcentral"],
                 "obstacles": ["Journalsystemen talar inte med varandra", " Svårt att rekrytera "],
                 "lessons": ["Följ upp effekten varje år, inte bara besöken"]}""")
                .expectStatus().isOk();

        assertThat(eventStore.readEvents(commission).asStream().map(event -> event.getPayloadType().getSimpleName()))
                .containsExactly("CommissionDrafted", "CommissionDraftSentForDialogue", "CommissionDraftDialogueAnswered",
                        "CommissionDraftRevised", "CommissionDraftSentForDialogue", "CommissionDraftDialogueAnswered",
                        "CommissionIssued", "CommissionAccepted", "OutcomeRecorded", "OutcomeRecorded", "CommissionClosed");
        assertThat(eventStore.readEvents(commission).asStream().toList().get(4).getPayload())
                .isInstanceOfSatisfying(CommissionDraftSentForDialogue.class, second -> {
                    assertThat(second.round()).isEqualTo(2);
                    assertThat(second.draftVersion()).isEqualTo(2);
                    assertThat(second.terms().end()).isEqualTo(LocalDate.of(2029, 6, 30));
                    assertThat(second.terms().collaboration().principals())
                            .containsExactly(new Principal(Principal.Kind.MUNICIPALITY, "Västerås stad", null));
                });
        assertThat(eventStore.readEvents(commission).asStream().reduce((first, second) -> second).orElseThrow().getPayload())
                .isEqualTo(new CommissionClosed(CommissionId.of(commission), RegionCode.of("vastmanland"), Evaluation.PARTLY_ACHIEVED,
                        "Hälften av gapet slutet", new EvaluationFindings(List.of("Diabetessjuksköterskor på varje vårdcentral"),
                        List.of("Journalsystemen talar inte med varandra", "Svårt att rekrytera"),
                        List.of("Följ upp effekten varje år, inte bara besöken"))));
    }

    /**
     * While the civil servant writes the terms, the check answers as drafting would, the refusal or the pitfalls
     * warned of, and stores nothing; only the drafting role may ask.
     */
    private void checkWhileWriting(String need) {
        TrackingToken before = eventStore.createHeadToken();
        String check = REGION + "/commissions/draft-check";
        call(HttpMethod.POST, check, CIVIL_SERVANT, terms(need, "[]", "2028-12-31", JOINT))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("NoFollowUpPlan").jsonPath("$.field").isEqualTo("followUpPlan");
        call(HttpMethod.POST, check, CIVIL_SERVANT, terms("need-never-ranked", PLAN, "2028-12-31", JOINT))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("CommissionForUndecidedNeed").jsonPath("$.field").isEqualTo("needIds");
        call(HttpMethod.POST, check, CIVIL_SERVANT, terms(need, """
                [{"indicatorId": "i-1", "name": "Antal besök", "level": "ACTIVITY", "perspective": "OPERATIONAL",
                  "frequency": "WEEK", "goalId": "g-1"}]""", "2028-12-31", JOINT))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.warnings").value(warnings -> assertThat((List<Object>) warnings)
                        .containsExactlyInAnyOrder("FOLLOW_UP_ONLY_AT_ACTIVITY_LEVEL", "NO_POPULATION_PERSPECTIVE", "TOO_DETAILED"));
        call(HttpMethod.POST, check, CIVIL_SERVANT, terms(need, PLAN, "2027-12-31", JOINT))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.warnings").value(warnings -> assertThat((List<Object>) warnings)
                        .containsExactly("TOO_OPEN_TO_INTERPRETATION"));
        call(HttpMethod.POST, check, CIVIL_SERVANT, "{\"priorityRoundId\": \"vastmanland-2026\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'needIds')]").exists();
        call(HttpMethod.POST, check, CIVIL_SERVANT, terms(need, PLAN, "2028-12-31", JOINT).replace("\"linkedShare\": 0.2", "\"linkedShare\": 1.5"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("payment.linkedShare");
        call(HttpMethod.POST, check, PROVIDER, terms(need, PLAN, "2028-12-31", JOINT)).expectStatus().isForbidden();
        assertThat(eventStore.createHeadToken()).isEqualTo(before);
    }

    /** Too many findings, one too long or not a text: {@code 400}, naming the field, and the commission stays open. */
    private void refusedClosure(String path, String findings, String field) {
        call(HttpMethod.POST, path + "/closure", OFFICIAL, "{\"evaluation\": \"ACHIEVED\", \"why\": \"Klart\", " + findings + "}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    /**
     * Dialogue before the decision: the draft goes to its provider, which answers it; the official cannot issue it
     * meanwhile; the civil servant revises it as proposed and sends the new version, which the provider answers too.
     */
    private void dialogue(String path, String need) {
        call(HttpMethod.POST, path + "/dialogue-answer", PROVIDER, "{\"comments\": \"Bra\"}")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("NoDraftDialogueAwaitingAnswer");
        call(HttpMethod.POST, path + "/dialogue", PROVIDER, "{}").expectStatus().isForbidden();
        call(HttpMethod.POST, path + "/dialogue", CIVIL_SERVANT, "{}")
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        call(HttpMethod.POST, path + "/issue", OFFICIAL, "{\"decidedBy\": \"Nämnden\", \"decisionDate\": \"2026-01-10\"}")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("DraftDialogueAwaitsAnswer").jsonPath("$.field").isEqualTo("status");
        call(HttpMethod.POST, path + "/dialogue-answer", PROVIDER, "{\"comments\": \"" + "x".repeat(4001) + "\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("comments");
        call(HttpMethod.POST, path + "/dialogue-answer", PROVIDER, """
                {"proposedChanges": [{"term": "GOAL", "goalId": "g-9", "proposal": "Lägre målvärde"}]}""")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("ProposedChangeOfUnknownGoal")
                .jsonPath("$.field").isEqualTo("proposedChanges[0].goalId");
        call(HttpMethod.POST, path + "/dialogue-answer", PROVIDER, """
                {"comments": "Rimligt, men tidsplanen är snäv",
                 "proposedChanges": [{"term": "TIMELINE", "proposal": "Förläng till mitten av 2029"},
                                     {"term": "GOAL", "goalId": "g-1", "proposal": "Nå målet vid förlängningen"}]}""")
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        call(HttpMethod.POST, path + "/dialogue", CIVIL_SERVANT, "{}")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("DraftUnchangedSinceDialogue");
        call(HttpMethod.PUT, path + "/draft", CIVIL_SERVANT, "{\"terms\": " + terms(need, PLAN, "2029-06-30", JOINT) + "}")
                .expectStatus().isOk();
        call(HttpMethod.POST, path + "/dialogue", CIVIL_SERVANT, "{}").expectStatus().isOk();
        call(HttpMethod.POST, path + "/dialogue-answer", PROVIDER, "{\"comments\": \"Vi står bakom förslaget\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(5);
    }

    private static String terms(String need, String plan, String end, String collaboration) {
        return """
                {"priorityRoundId": "vastmanland-2026", "needIds": ["%s"], "provider": "Vårdgivaren i Region Västmanland",
                 "description": "Strukturerad diabetesvård", "kindsOfEffort": ["TREATMENT"],
                 "goals": [{"goalId": "g-1", "indicator": "Andel med komplikationer", "baseline": 20, "target": 10,
                            "targetDate": "2028-12-31"}],
                 "start": "2026-01-01", "end": "%s", "followUpPlan": %s,
                 "payment": {"kind": "ACTIVE", "amountSek": 8000000, "linkedShare": 0.2, "linkedGoalIds": ["g-1"]},
                 "collaboration": %s}"""
                .formatted(need, end, plan, collaboration);
    }

    private static String id(WebTestClient.ResponseSpec response) {
        return (String) response.expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private WebTestClient.ResponseSpec call(HttpMethod method, String path, String user, String body) {
        return new Api(web).call(method, path, user, body);
    }
}

package se.nduh.command.priority;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;

import java.util.Map;

/** A budget year's priority round through the command API: assessed needs ranked, decided and reopened. */
@PlatformIT
class PriorityRoundApiIT {

    private static final String CIVIL_SERVANT = "varmland-tjansteperson";
    private static final String OFFICIAL = "varmland-fortroendevald";
    private static final String NEEDS = "/api/v1/regions/varmland/needs";
    private static final String ROUNDS = "/api/v1/regions/varmland/priority-rounds";

    @Autowired
    WebTestClient web;

    @Test
    void assessed_care_needs_are_ranked_decided_and_the_round_reopened() {
        String stroke = assessedNeed("Strokevård", "VERY_HIGH", true);
        String obesity = assessedNeed("Fetma bland barn", "MODERATE", true);
        String notCare = assessedNeed("Medellivslängd", "HIGH", false);

        call(HttpMethod.POST, ROUNDS, OFFICIAL, "{\"budgetYear\": 2027}").expectStatus().isCreated()
                .expectBody().jsonPath("$.id").isEqualTo("varmland-2027");
        call(HttpMethod.POST, ROUNDS, OFFICIAL, "{\"budgetYear\": 2027}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("PriorityRoundAlreadyOpen");
        String round = ROUNDS + "/varmland-2027";

        call(HttpMethod.PUT, round + "/ranking", OFFICIAL, ranking(place(stroke, 1, null), place(notCare, 2, null)))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("RankingNeedNotAssessedCareNeed")
                .jsonPath("$.field").isEqualTo("ranking[1].needId");
        call(HttpMethod.PUT, round + "/ranking", OFFICIAL, ranking(place(obesity, 1, null), place(stroke, 2, null)))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("SeverityDeviationWithoutRationale");
        call(HttpMethod.PUT, round + "/ranking", OFFICIAL, ranking(place(stroke, 1, null)).replace("\"BENEFIT\"", "\"AGE\""))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").value(field -> org.assertj.core.api.Assertions.assertThat((String) field).contains("criteria"));
        call(HttpMethod.PUT, round + "/ranking", CIVIL_SERVANT, ranking(place(stroke, 1, null)))
                .expectStatus().isForbidden();
        call(HttpMethod.PUT, round + "/ranking", OFFICIAL, ranking(place(stroke, 1, null)))
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);

        call(HttpMethod.POST, round + "/decision", OFFICIAL, decision("[]"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("RankingOmitsAssessedNeed");
        call(HttpMethod.POST, round + "/decision", OFFICIAL,
                decision("[{\"needId\": \"" + obesity + "\", \"reason\": \"Inom folkhälsoprogrammet\"}]"))
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);

        call(HttpMethod.PUT, round + "/ranking", OFFICIAL, ranking(place(stroke, 1, null), place(obesity, 2, null)))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("PriorityRoundNotOpen");
        call(HttpMethod.POST, round + "/reopening", OFFICIAL, "{\"reason\": \"Nytt budgetläge\"}").expectStatus().isOk();
        call(HttpMethod.PUT, round + "/ranking", OFFICIAL, ranking(place(stroke, 1, null), place(obesity, 2, null)))
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(4);
    }

    private String assessedNeed(String title, String severity, boolean careNeed) {
        String id = (String) call(HttpMethod.POST, NEEDS, CIVIL_SERVANT, """
                {"title": "%s", "needGroup": {"description": "Invånare", "size": 5000}, "kindsOfEffort": ["TREATMENT"],
                 "indicator": {"name": "Andel", "currentValue": 10, "unit": "%%", "direction": "LOWER_IS_BETTER",
                               "source": "Registret", "period": "2025"}}""".formatted(title))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        call(HttpMethod.PUT, NEEDS + "/" + id + "/assessment", CIVIL_SERVANT, """
                {"careNeed": %s, "justification": "Bedömning", "severity": "%s", "benefit": "HIGH",
                 "costEffectiveness": "MODERATE", "evidenceCertainty": "MODERATE", "peopleAffected": 5000}"""
                .formatted(careNeed, severity)).expectStatus().isOk();
        return id;
    }

    private static String ranking(String... places) {
        return "{\"ranking\": [" + String.join(",", places) + "]}";
    }

    private static String place(String needId, int level, String deviation) {
        return """
                {"needId": "%s", "priorityLevel": %d, "rationale": "Svårighetsgrad och nytta",
                 "principles": ["NEED_SOLIDARITY"], "criteria": ["SEVERITY", "BENEFIT"], "deviationRationale": %s}"""
                .formatted(needId, level, deviation == null ? "null" : "\"" + deviation + "\"");
    }

    private static String decision(String notPrioritised) {
        return """
                {"decidedBy": "Regionfullmäktige", "decisionDate": "2026-11-24", "minutesReference": "RF 2026-11-24 §7",
                 "allocations": [], "notPrioritised": %s}""".formatted(notPrioritised);
    }

    private WebTestClient.ResponseSpec call(HttpMethod method, String path, String user, String body) {
        return new Api(web).call(method, path, user, body);
    }
}

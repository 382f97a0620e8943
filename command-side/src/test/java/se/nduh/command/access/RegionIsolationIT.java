package se.nduh.command.access;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user learns nothing of another region, not even that an id exists there: a command naming another region's
 * need, round or experience is answered exactly as one naming an id that exists nowhere.
 */
@PlatformIT
class RegionIsolationIT {

    /** A need as proposed; other tests of the access rules propose it too. */
    static final String NEED = """
            {"title": "Ensamhet bland äldre", "needGroup": {"description": "Personer över 75", "size": 8000},
             "kindsOfEffort": ["HEALTH_PROMOTING"],
             "indicator": {"name": "Andel som känner sig ensamma", "currentValue": 21, "unit": "%",
                           "direction": "LOWER_IS_BETTER", "source": "HLV", "period": "2025"}}""";

    @Autowired
    WebTestClient web;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            withdrawing a need        | needs         | /withdrawal | tjansteperson  | {"reason": "Dubblett"}
            reopening a round         | priority-rounds | /reopening | fortroendevald | {"reason": "Nya data"}
            releasing an experience   | experiences   | /release    | fortroendevald | {}
            """)
    void another_regions_id_is_answered_as_an_id_that_exists_nowhere(String what, String items, String action, String role, String body) {
        String elsewhere = existingIn("norrbotten", items);
        String path = "/api/v1/regions/vasternorrland/" + items + "/";
        String user = "vasternorrland-" + role;

        EntityExchangeResult<Map> theirs = new Api(web).call(HttpMethod.POST, path + elsewhere + action, user, body)
                .expectBody(Map.class).returnResult();
        EntityExchangeResult<Map> nobodys = new Api(web).call(HttpMethod.POST, path + "x-" + UUID.randomUUID() + action, user, body)
                .expectBody(Map.class).returnResult();

        assertThat(theirs.getStatus().value()).isEqualTo(404).isEqualTo(nobodys.getStatus().value());
        assertThat(withoutInstance(theirs.getResponseBody())).isEqualTo(withoutInstance(nobodys.getResponseBody()));
    }

    /** Something of the region, made through the API as its own users. */
    private String existingIn(String region, String items) {
        String base = "/api/v1/regions/" + region + "/";
        return switch (items) {
            case "needs" -> id(new Api(web).call(HttpMethod.POST, base + "needs", region + "-tjansteperson", NEED));
            case "priority-rounds" -> id(new Api(web).call(HttpMethod.POST, base + "priority-rounds", region + "-fortroendevald",
                    "{\"budgetYear\": 2031}"));
            default -> id(new Api(web).call(HttpMethod.POST, base + "experiences", region + "-tjansteperson", """
                    {"title": "Dialog med äldre", "area": "NEEDS", "summary": "Så gjorde vi", "kindsOfEffort": ["CARE"],
                     "contactRole": "Strateg, hälso- och sjukvårdsförvaltningen"}"""));
        };
    }

    private static String id(WebTestClient.ResponseSpec created) {
        return (String) created.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private static Map<?, ?> withoutInstance(Map<?, ?> problem) {
        Map<Object, Object> copy = new HashMap<>(problem);
        copy.remove("instance");
        return copy;
    }
}

package se.nduh.command;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.infrastructure.mongo.MongoProperties;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.TestUsers;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers, lists and bytes no honest client sends: each is refused with a {@code 4xx} problem naming what is wrong,
 * and nothing reaches the event store. Bounds hold for every number a command carries, so that no value can poison
 * a region's read models or cost the server more than microseconds.
 */
@PlatformIT
class HostileInputIT {

    private static final String REGION = "vastra-gotaland";
    private static final String NEEDS = "/api/v1/regions/" + REGION + "/needs";
    private static final String CIVIL_SERVANT = REGION + "-tjansteperson";
    private static final String OFFICIAL = REGION + "-fortroendevald";

    @Autowired
    WebTestClient web;
    @Autowired
    MongoClient mongo;
    @Autowired
    MongoProperties mongoProperties;

    private String needId;

    @BeforeEach
    void aNeedToActOn() {
        needId = (String) web.post().uri(NEEDS).header(HttpHeaders.AUTHORIZATION, TestUsers.basic(CIVIL_SERVANT))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(need("18.5", "12000", "\"PREVENTIVE\""))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    static String need(String currentValue, String size, String kinds) {
        return """
                {"title": "Fetma bland barn", "needGroup": {"description": "Barn 6-12 år", "size": %s},
                 "kindsOfEffort": [%s],
                 "indicator": {"name": "Andel barn med fetma", "currentValue": %s, "unit": "%%",
                               "direction": "LOWER_IS_BETTER", "source": "Elevhälsan", "period": "2025"}}"""
                .formatted(size, kinds, currentValue);
    }

    static Stream<Arguments> hostile() {
        String target = "/api/v1/regions/" + REGION + "/needs/{id}/health-target";
        return Stream.of(
                Arguments.of("a value past any scale", NEEDS, need("1e400", "12000", "\"PREVENTIVE\""), "indicator.currentValue"),
                Arguments.of("a huge negative value", NEEDS, need("-1e400", "12000", "\"PREVENTIVE\""), "indicator.currentValue"),
                Arguments.of("a value below any scale", NEEDS, need("1e-400", "12000", "\"PREVENTIVE\""), "indicator.currentValue"),
                Arguments.of("an exponent that would take seconds to expand", NEEDS, need("1e3000000", "12000", "\"PREVENTIVE\""), "indicator.currentValue"),
                Arguments.of("seven decimals", NEEDS, need("18.1234567", "12000", "\"PREVENTIVE\""), "indicator.currentValue"),
                Arguments.of("NaN as a string", NEEDS, need("\"NaN\"", "12000", "\"PREVENTIVE\""), "indicator.currentValue"),
                Arguments.of("Infinity as a string", NEEDS, need("\"Infinity\"", "12000", "\"PREVENTIVE\""), "indicator.currentValue"),
                Arguments.of("a need group larger than Sweden", NEEDS, need("18.5", "1000000000", "\"PREVENTIVE\""), "needGroup.size"),
                Arguments.of("a need group size past a long", NEEDS, need("18.5", "1e30", "\"PREVENTIVE\""), "needGroup.size"),
                Arguments.of("a title of 100,000 characters", NEEDS, need("18.5", "12000", "\"PREVENTIVE\"")
                        .replace("Fetma bland barn", "x".repeat(100_000)), "title"),
                Arguments.of("100,000 kinds of effort", NEEDS, need("18.5", "12000", "\"PREVENTIVE\", ".repeat(99_999) + "\"CARE\""), null),
                Arguments.of("deep nesting", NEEDS, "{\"title\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}", null),
                Arguments.of("a wrong type", NEEDS, need("\"arton\"", "12000", "\"PREVENTIVE\""), "indicator.currentValue"),
                Arguments.of("a field the request does not have", NEEDS, need("18.5", "12000", "\"PREVENTIVE\"")
                        .replace("{\"title\"", "{\"personnummer\": \"19121212-1212\", \"title\""), "personnummer"),
                Arguments.of("a query operator for a kind of effort", NEEDS, need("18.5", "12000", "{\"$ne\": null}"), "kindsOfEffort[0]"),
                Arguments.of("a target past any scale", target, "{\"target\": 1e400, \"targetYear\": 2030}", "target"),
                Arguments.of("a target year of 99999", target, "{\"target\": 10, \"targetYear\": 99999}", "targetYear"),
                Arguments.of("a priority round of year 99999", "/api/v1/regions/" + REGION + "/priority-rounds", "{\"budgetYear\": 99999}", "budgetYear"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void is_refused_with_a_problem_and_stores_nothing(String what, String path, String body, String field) {
        String user = path.contains("health-target") || path.contains("priority-rounds") ? OFFICIAL : CIVIL_SERVANT;
        long before = storedEvents();

        EntityExchangeResult<String> answer = web.method(path.contains("health-target") ? HttpMethod.PUT : HttpMethod.POST)
                .uri(path, needId).header(HttpHeaders.AUTHORIZATION, TestUsers.basic(user))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectBody(String.class).returnResult();

        assertThat(answer.getStatus().is4xxClientError()).as("%s: %s %s", what, answer.getStatus(), answer.getResponseBody()).isTrue();
        assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        if (field != null) {
            assertThat(answer.getResponseBody()).contains("\"" + field + "\"");
        }
        assertThat(storedEvents()).as("nothing stored").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void bytes_that_are_not_utf8_are_refused(String what, byte[] body) {
        long before = storedEvents();
        web.post().uri(NEEDS).header(HttpHeaders.AUTHORIZATION, TestUsers.basic(CIVIL_SERVANT))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(storedEvents()).isEqualTo(before);
    }

    static Stream<Arguments> invalidUtf8() {
        byte[] valid = need("18.5", "12000", "\"PREVENTIVE\"").getBytes(StandardCharsets.UTF_8);
        byte[] broken = valid.clone();
        int at = new String(valid, StandardCharsets.ISO_8859_1).indexOf("Fetma");
        broken[at] = (byte) 0xC3;
        broken[at + 1] = (byte) 0x28;
        return Stream.of(Arguments.of("a lone lead byte inside a string", broken));
    }

    private long storedEvents() {
        return mongo.getDatabase(mongoProperties.eventsDatabase()).getCollection("domainevents").countDocuments();
    }
}

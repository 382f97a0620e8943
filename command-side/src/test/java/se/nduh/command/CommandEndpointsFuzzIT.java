package se.nduh.command;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.infrastructure.mongo.MongoProperties;
import se.nduh.localplatform.testing.ApiOperation;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.TestUsers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz part of the fault suite on the command side: every command endpoint the API description lists, sent
 * bodies no honest client sends (wrong types, numbers past any scale, NaN, endless texts and lists, deep nesting,
 * broken UTF-8, fields it does not have, query operators), as a user the endpoint admits. Every answer is a
 * {@code 4xx} problem, never a {@code 5xx}, and nothing reaches the event store.
 */
@PlatformIT
class CommandEndpointsFuzzIT {

    private static final String REGION = "jonkoping";
    private static final String ID = "00000000-0000-4000-8000-000000000000";
    private static final List<String> USERS = List.of(REGION + "-tjansteperson", REGION + "-fortroendevald",
            REGION + "-utforare", "samordnare-1", "drift-1");
    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Autowired
    WebTestClient web;
    @Autowired
    MongoClient mongo;
    @Autowired
    MongoProperties mongoProperties;

    @Test
    void every_command_endpoint_refuses_every_hostile_body_with_a_problem_and_stores_nothing() {
        long before = storedEvents();
        List<String> failures = new ArrayList<>();
        int endpoints = 0;
        int tried = 0;
        for (ApiOperation operation : ApiOperation.of(web)) {
            if (!COMMAND_METHODS.contains(operation.method())) {
                continue;
            }
            endpoints++;
            String user = admittedUser(operation);
            for (byte[] body : hostileBodies(operation.bodyProperties())) {
                tried++;
                EntityExchangeResult<String> answer = web.method(HttpMethod.valueOf(operation.method())).uri(operation.uri(REGION, ID))
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(user)).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body).exchange().expectBody(String.class).returnResult();
                boolean problem = MediaType.APPLICATION_PROBLEM_JSON.equals(answer.getResponseHeaders().getContentType());
                if (!answer.getStatus().is4xxClientError() || !problem) {
                    failures.add(operation.method() + " " + operation.path() + " with " + preview(body) + ": " + answer.getStatus());
                }
            }
        }
        System.out.printf("FAULT-SUITE | hostile bodies | %d command endpoints, %d requests | 5xx or not a 4xx problem: %d | stored: %d%n",
                endpoints, tried, failures.size(), storedEvents() - before);
        assertThat(failures).isEmpty();
        assertThat(storedEvents()).as("nothing stored").isEqualTo(before);
        assertThat(endpoints).as("the API description lists the command endpoints").isGreaterThan(20);
    }

    /** The first user the endpoint does not turn away before reading the body, so that the body is what is tried. */
    private String admittedUser(ApiOperation operation) {
        for (String user : USERS) {
            int status = web.method(HttpMethod.valueOf(operation.method())).uri(operation.uri(REGION, ID))
                    .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(user)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}").exchange().expectBody(String.class).returnResult().getStatus().value();
            if (status != 401 && status != 403) {
                return user;
            }
        }
        return USERS.get(0);
    }

    /** Bodies malformed as a whole, then each property of the request given a value no honest client sends. */
    static List<byte[]> hostileBodies(Map<String, String> properties) {
        List<String> bodies = new ArrayList<>(List.of("", "null", "[]", "\"text\"", "{", "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}",
                "{\"notAField\": 1}", "{\"$where\": \"sleep(1000)\"}", "[" + "{},".repeat(100_000) + "{}]",
                "{\"t\": \"" + "x".repeat(1_000_000) + "\"}"));
        properties.forEach((name, type) -> {
            String field = "{\"" + name + "\": ";
            switch (type) {
                case "number", "integer" -> List.of("1e400", "1e3000000", "\"NaN\"", "123456789012345678901234567890")
                        .forEach(value -> bodies.add(field + value + "}"));
                case "string" -> List.of("\"" + "x".repeat(100_000) + "\"", "{\"$ne\": null}")
                        .forEach(value -> bodies.add(field + value + "}"));
                case "array" -> bodies.add(field + "[" + "\"x\",".repeat(10_000) + "\"x\"]}");
                default -> bodies.add(field + "\"x\"}");
            }
        });
        List<byte[]> bytes = new ArrayList<>(bodies.stream().map(body -> body.getBytes(StandardCharsets.UTF_8)).toList());
        bytes.add(new byte[]{'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        return bytes;
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private long storedEvents() {
        return mongo.getDatabase(mongoProperties.eventsDatabase()).getCollection("domainevents").countDocuments();
    }
}

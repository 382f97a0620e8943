package se.nduh.query;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;
import se.nduh.localplatform.testing.ApiOperation;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.TestUsers;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz part of the fault suite on the query side: every query parameter of every read the API description
 * lists, given values no honest client sends, as a user the read admits. No answer is a {@code 5xx}; a refusal is
 * a {@code 4xx} problem.
 */
@PlatformIT
class QueryParametersFuzzIT {

    private static final String REGION = "jonkoping";
    private static final String ID = "00000000-0000-4000-8000-000000000000";
    private static final List<String> USERS = List.of(REGION + "-revisor", REGION + "-tjansteperson", REGION + "-utforare",
            "samordnare-1", "drift-1");
    private static final List<String> VALUES = List.of("-1", "0", "2147483648", "99999999999999999999", "1e400", "NaN", "tjugo",
            "x".repeat(5_000), "'; DROP TABLE needs; --", "{\"$ne\": null}", "2025-13-45", "\u0000", "ÅÄÖ😀", "");

    @Autowired
    WebTestClient web;

    @Test
    void every_query_parameter_of_every_read_answers_without_a_server_error() {
        List<String> failures = new ArrayList<>();
        int parameters = 0;
        int tried = 0;
        for (ApiOperation operation : ApiOperation.of(web)) {
            if (!"GET".equals(operation.method()) || operation.path().endsWith("/events")) {
                continue;
            }
            String user = admittedUser(operation);
            for (String parameter : operation.queryParameters()) {
                parameters++;
                for (String value : VALUES) {
                    tried++;
                    URI uri = UriComponentsBuilder.fromPath(operation.uri(REGION, ID)).queryParam(parameter, "{value}")
                            .queryParam("wait", 0).encode().buildAndExpand(value).toUri();
                    EntityExchangeResult<String> answer = web.get().uri(uri).header(HttpHeaders.AUTHORIZATION, TestUsers.basic(user))
                            .exchange().expectBody(String.class).returnResult();
                    boolean refusedAsProblem = answer.getStatus().is4xxClientError()
                            && MediaType.APPLICATION_PROBLEM_JSON.equals(answer.getResponseHeaders().getContentType());
                    if (!answer.getStatus().is2xxSuccessful() && !refusedAsProblem) {
                        failures.add(operation.path() + "?" + parameter + "=" + value.substring(0, Math.min(value.length(), 40))
                                + ": " + answer.getStatus());
                    }
                }
            }
        }
        System.out.printf("FAULT-SUITE | hostile query parameters | %d parameters, %d requests | 5xx or not a 4xx problem: %d%n",
                parameters, tried, failures.size());
        assertThat(failures).isEmpty();
        assertThat(parameters).as("the API description lists the query parameters").isGreaterThan(20);
    }

    private String admittedUser(ApiOperation operation) {
        for (String user : USERS) {
            int status = web.get().uri(operation.uri(REGION, ID)).header(HttpHeaders.AUTHORIZATION, TestUsers.basic(user))
                    .exchange().expectBody(String.class).returnResult().getStatus().value();
            if (status != 401 && status != 403) {
                return user;
            }
        }
        return USERS.get(0);
    }
}

package se.nduh.query;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/** Every query parameter outside its bounds or of the wrong type is a {@code 400} problem, never a {@code 500}. */
@PlatformIT
class HostileParametersIT {

    private static final String REGION = "/api/v1/regions/halland";
    private static final String LONG = "ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";

    @Autowired
    WebTestClient web;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            REGION + "/arshjul?budgetYear=99999",
            REGION + "/arshjul?budgetYear=-1",
            REGION + "/arshjul?budgetYear=tjugo",
            REGION + "/needs?page=2147483647",
            REGION + "/needs?page=-1",
            REGION + "/needs?page=99999999999999999999",
            REGION + "/needs?size=0",
            REGION + "/needs?size=100000",
            REGION + "/needs?sort=DROP_TABLE",
            REGION + "/needs?status=%24ne",
            REGION + "/needs?priorityLevel=11",
            REGION + "/needs/x?minVersion=-1",
            REGION + "/needs/x?minVersion=99999999999999",
            REGION + "/needs/x?minVersion=1&wait=9999",
            REGION + "/priority-rounds?budgetYear=99999",
            REGION + "/priority-rounds?decided=kanske",
            REGION + "/priority-rounds/x/versions?page=-1",
            REGION + "/priority-rounds/x/versions?page=2147483647",
            REGION + "/commissions?page=2147483647",
            REGION + "/experiences?page=2147483647",
            REGION + "/outcomes?commission=" + LONG,
            "/api/v1/benchmarks?page=2147483647",
            "/api/v1/benchmarks/needs.described?period=20255",
            "/api/v1/benchmarks/needs.described?page=2147483647",
            "/api/v1/benchmarks/needs.described?region=" + LONG,
            "/api/v1/best-practice?page=2147483647",
    })
    void is_a_400_problem(String path) {
        String user = path.contains("best-practice") || path.contains("benchmarks") ? "halland-tjansteperson" : "halland-revisor";
        EntityExchangeResult<String> answer = new Api(web).get(path, user).expectBody(String.class).returnResult();
        assertThat(answer.getStatus().value()).as("%s: %s", path, answer.getResponseBody()).isEqualTo(400);
        assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}

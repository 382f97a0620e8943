package se.nduh.command.access;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.PrometheusText;

import static org.assertj.core.api.Assertions.assertThat;

/** The operators read the command side's metrics in the Prometheus format; nobody else does, and health stays public. */
@PlatformIT
class OperatorMetricsIT {

    private static final String COMMAND_SIDE = "application=\"nduh-command-side\"";

    @Autowired
    WebTestClient web;

    @Test
    void an_operator_sees_each_command_type_counted_and_timed_by_outcome() {
        PrometheusText before = PrometheusText.scrape(web);
        api().call(HttpMethod.POST, "/api/v1/regions/halland/needs", "halland-tjansteperson", AccessSpotChecksIT.NEED)
                .expectStatus().isCreated();
        api().call(HttpMethod.POST, "/api/v1/regions/halland/needs/no-such-need/withdrawal", "halland-tjansteperson",
                        "{\"reason\": \"Dubblett\"}")
                .expectStatus().isNotFound().expectBody().jsonPath("$.rule").isEqualTo("NeedNotInRegion");

        PrometheusText after = PrometheusText.scrape(web);
        assertThat(count(after, "ProposeNeed", "accepted") - count(before, "ProposeNeed", "accepted")).isEqualTo(1);
        assertThat(count(after, "WithdrawNeed", "refused") - count(before, "WithdrawNeed", "refused")).isEqualTo(1);
        assertThat(after.value("nduh_commands_seconds_bucket", COMMAND_SIDE, "command=\"ProposeNeed\"", "le=\"+Inf\""))
                .as("a histogram, for the dashboard's percentiles").isPresent();
        assertThat(after.value("jvm_memory_used_bytes", COMMAND_SIDE, "area=\"heap\"")).isPresent();
    }

    @Test
    void only_operators_read_the_metrics_and_health_stays_public() {
        for (String path : new String[] {PrometheusText.PATH, "/actuator/metrics/jvm.memory.used"}) {
            api().get(path, "drift-1").expectStatus().isOk();
            for (String user : new String[] {"samordnare-1", "halland-tjansteperson", "halland-revisor"}) {
                api().get(path, user).expectStatus().isForbidden().expectBody().jsonPath("$.requiredRoles[0]").isEqualTo("drift");
            }
            web.get().uri(path).exchange().expectStatus().isUnauthorized();
        }
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    private static double count(PrometheusText metrics, String command, String outcome) {
        return metrics.value("nduh_commands_seconds_count", COMMAND_SIDE, "command=\"" + command + "\"", "outcome=\"" + outcome + "\"")
                .orElse(0);
    }

    private Api api() {
        return new Api(web);
    }
}

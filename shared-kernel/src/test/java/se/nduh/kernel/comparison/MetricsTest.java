package se.nduh.kernel.comparison;

import org.junit.jupiter.api.Test;
import se.nduh.kernel.commission.FollowUpLevel;
import se.nduh.kernel.need.KindOfEffort;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricsTest {

    @Test
    void every_metric_of_the_cycle_has_its_own_well_formed_code() {
        Set<String> codes = Metrics.CYCLE.stream().map(Metric::code).collect(Collectors.toSet());
        assertThat(codes).hasSameSizeAs(Metrics.CYCLE).allMatch(code -> code.matches("[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+"));
    }

    @Test
    void every_area_of_the_cycle_has_metrics() {
        assertThat(Metrics.CYCLE.stream().map(Metric::area).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Area.NEEDS, Area.PRIORITISATION, Area.COMMISSIONING, Area.FOLLOW_UP);
    }

    @Test
    void needs_are_counted_per_kind_of_effort_and_goal_fulfilment_per_level() {
        assertThat(Metrics.NEEDS_DESCRIBED_BY_KIND.get(KindOfEffort.HEALTH_PROMOTING).code()).isEqualTo("needs.described.health-promoting");
        assertThat(Metrics.GOAL_FULFILMENT.get(FollowUpLevel.EFFECT).code()).isEqualTo("followup.goal-fulfilment.effect");
    }

    @Test
    void an_indicator_of_the_shared_catalogue_is_its_own_metric() {
        Metric metric = Metrics.indicator("diabetes-hba1c", "HbA1c över 70", "procent", Better.LOWER);
        assertThat(metric.area()).isEqualTo(Area.INDICATORS);
        assertThat(metric.code()).isEqualTo("indicator.diabetes-hba1c").isEqualTo(Metrics.indicatorCode("diabetes-hba1c"));
    }

    @Test
    void a_metric_code_is_dotted_lower_case_words() {
        assertThatThrownBy(() -> new Metric("Needs Described", "x", Area.NEEDS, Better.NEITHER, "antal"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

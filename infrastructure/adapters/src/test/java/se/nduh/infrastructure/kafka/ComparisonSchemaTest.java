package se.nduh.infrastructure.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.nduh.kernel.comparison.AnonymisationPolicy;
import se.nduh.kernel.comparison.Better;
import se.nduh.kernel.comparison.Metric;
import se.nduh.kernel.comparison.Metrics;
import se.nduh.kernel.period.Period;

import java.math.BigDecimal;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract of the published language: what the policy makes passes the schema; anything else does not. */
class ComparisonSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] KEY = "a-region-key-of-thirty-two-bytes".getBytes();
    private final AnonymisationPolicy policy = new AnonymisationPolicy(5);

    @Test
    void every_record_the_policy_makes_of_every_metric_passes_the_schema() {
        Stream.concat(Metrics.CYCLE.stream(), Stream.of(Metrics.indicator("child-obesity", "Fetma", "%", Better.LOWER)))
                .map(Metric::code)
                .flatMap(metric -> Stream.of(
                        policy.record(metric, Period.of("2025"), AnonymisationPolicy.pseudonym(KEY, Period.of("2025")), false, new BigDecimal("0.123456"), 9, 3),
                        policy.record(metric, Period.of("2025-Q3"), AnonymisationPolicy.pseudonym(KEY, Period.of("2025-Q3")), false, BigDecimal.ONE, 2, 1),
                        policy.record(metric, Period.of("2024"), "halland", true, new BigDecimal("-4"), 40000, 12)))
                .forEach(record -> assertThat(PublishedSchema.COMPARISON.violations(JSON.valueToTree(record))).as(record.key()).isEmpty());
    }

    @Test
    void a_record_with_free_text_fails_the_schema() {
        ObjectNode record = valid();
        record.put("title", "Fetma bland barn");
        assertThat(PublishedSchema.COMPARISON.violations(record)).isNotEmpty();
    }

    @Test
    void a_suppressed_record_with_a_number_fails_the_schema() {
        ObjectNode record = valid();
        record.put("suppressed", true);
        assertThat(PublishedSchema.COMPARISON.violations(record)).isNotEmpty();
    }

    @Test
    void a_region_code_without_the_naming_decision_fails_the_schema() {
        ObjectNode record = valid();
        record.put("region", "halland");
        assertThat(PublishedSchema.COMPARISON.violations(record)).isNotEmpty();
    }

    @Test
    void a_value_past_any_scale_or_a_revision_nothing_could_follow_fails_the_schema() throws Exception {
        ObjectNode huge = valid();
        huge.put("value", new BigDecimal("1e400"));
        assertThat(PublishedSchema.COMPARISON.violations(huge)).isNotEmpty();
        assertThat(PublishedSchema.COMPARISON.violations(JSON.readTree(valid().toString().replaceFirst("\"value\":[^,]+", "\"value\":-1e400"))))
                .isNotEmpty();
        ObjectNode forever = valid();
        forever.put("revision", Long.MAX_VALUE);
        assertThat(PublishedSchema.COMPARISON.violations(forever)).isNotEmpty();
    }

    @Test
    void a_date_finer_than_the_period_fails_the_schema() {
        ObjectNode record = valid();
        record.put("period", "2025-11-21");
        assertThat(PublishedSchema.COMPARISON.violations(record)).isNotEmpty();
    }

    private ObjectNode valid() {
        return JSON.valueToTree(policy.record("needs.described", Period.of("2025"),
                AnonymisationPolicy.pseudonym(KEY, Period.of("2025")), false, BigDecimal.TEN, 10, 1));
    }
}

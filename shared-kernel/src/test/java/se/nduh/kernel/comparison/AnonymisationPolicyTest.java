package se.nduh.kernel.comparison;

import org.junit.jupiter.api.Test;
import se.nduh.kernel.period.Period;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnonymisationPolicyTest {

    private static final byte[] HALLAND_KEY = "halland-secret-key-of-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SKANE_KEY = "skane-secret-key-of-32-bytes!!!!".getBytes(StandardCharsets.UTF_8);
    private final AnonymisationPolicy policy = new AnonymisationPolicy(5);

    @Test
    void a_figure_behind_fewer_than_k_items_is_suppressed_never_a_number_or_zero() {
        ComparisonRecord record = policy.record("needs.proposed", Period.of("2025"), "r-1", BigDecimal.valueOf(4), 4, 1);
        assertThat(record.suppressed()).isTrue();
        assertThat(record.value()).isNull();
        assertThat(record.itemCount()).isNull();
    }

    @Test
    void a_figure_behind_k_items_is_published() {
        ComparisonRecord record = policy.record("needs.proposed", Period.of("2025"), "r-1", BigDecimal.valueOf(5), 5, 3);
        assertThat(record.suppressed()).isFalse();
        assertThat(record.value()).isEqualByComparingTo("5");
        assertThat(record.itemCount()).isEqualTo(5);
        assertThat(record.schemaVersion()).isEqualTo(ComparisonRecord.SCHEMA_VERSION);
    }

    @Test
    void k_is_configurable_but_at_least_one() {
        assertThat(new AnonymisationPolicy(1).record("m", Period.of("2025"), "r", BigDecimal.ONE, 1, 1).suppressed()).isFalse();
        assertThatThrownBy(() -> new AnonymisationPolicy(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_pseudonym_is_stable_within_a_period_and_changes_with_the_period() {
        String in2025 = AnonymisationPolicy.pseudonym(HALLAND_KEY, Period.of("2025"));
        assertThat(AnonymisationPolicy.pseudonym(HALLAND_KEY, Period.of("2025"))).isEqualTo(in2025);
        assertThat(AnonymisationPolicy.pseudonym(HALLAND_KEY, Period.of("2026"))).isNotEqualTo(in2025);
    }

    @Test
    void only_the_regions_own_key_gives_its_pseudonym() {
        assertThat(AnonymisationPolicy.pseudonym(SKANE_KEY, Period.of("2025")))
                .isNotEqualTo(AnonymisationPolicy.pseudonym(HALLAND_KEY, Period.of("2025")));
    }

    @Test
    void a_record_is_either_suppressed_or_has_value_and_count() {
        assertThatThrownBy(() -> new ComparisonRecord(1, "m", "2025", "r", BigDecimal.ZERO, true, null, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

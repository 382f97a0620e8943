package se.nduh.kernel.period;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

    @ParameterizedTest
    @ValueSource(strings = {"2025", "2025-Q1", "2026-Q4"})
    void a_year_or_a_quarter_is_a_period(String value) {
        assertThat(Period.of(value).year()).isEqualTo(Integer.parseInt(value.substring(0, 4)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"25", "2025-Q5", "2025-03", "Q1-2025", ""})
    void anything_else_is_not(String value) {
        assertThat(Period.isWellFormed(value)).isFalse();
        assertThatThrownBy(() -> Period.of(value)).isInstanceOf(IllegalArgumentException.class);
    }
}

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

    @org.junit.jupiter.api.Test
    void a_quarter_runs_three_months_and_a_year_twelve() {
        assertThat(Period.of("2025-Q2").start()).isEqualTo(java.time.LocalDate.of(2025, 4, 1));
        assertThat(Period.of("2025-Q2").end()).isEqualTo(java.time.LocalDate.of(2025, 6, 30));
        assertThat(Period.of("2025").end()).isEqualTo(java.time.LocalDate.of(2025, 12, 31));
        assertThat(Period.of("2025-Q4").overlaps(java.time.LocalDate.of(2025, 12, 31), java.time.LocalDate.of(2026, 6, 1))).isTrue();
        assertThat(Period.of("2025-Q3").overlaps(java.time.LocalDate.of(2025, 10, 1), java.time.LocalDate.of(2026, 6, 1))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"25", "2025-Q5", "2025-03", "Q1-2025", ""})
    void anything_else_is_not(String value) {
        assertThat(Period.isWellFormed(value)).isFalse();
        assertThatThrownBy(() -> Period.of(value)).isInstanceOf(IllegalArgumentException.class);
    }
}

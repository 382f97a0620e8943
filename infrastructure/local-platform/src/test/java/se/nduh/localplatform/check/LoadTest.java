package se.nduh.localplatform.check;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The load driver's counting and percentiles; nothing here asserts how long anything took. */
class LoadTest {

    private static final long MILLISECOND = 1_000_000;

    @Test
    void a_percentile_is_the_recorded_latency_at_its_nearest_rank_not_an_estimate() {
        long[] oneToAHundredMilliseconds = LongStream.rangeClosed(1, 100).map(ms -> ms * MILLISECOND).toArray();
        assertThat(Load.millis(oneToAHundredMilliseconds, 50)).isEqualTo(50.0);
        assertThat(Load.millis(oneToAHundredMilliseconds, 99)).isEqualTo(99.0);
        assertThat(Load.millis(oneToAHundredMilliseconds, 100)).isEqualTo(100.0);
        assertThat(Load.millis(new long[] {7 * MILLISECOND}, 99)).isEqualTo(7.0);
        assertThat(Load.millis(new long[0], 50)).isNaN();
    }

    @Test
    void a_load_bounded_by_count_makes_that_many_calls_and_counts_the_failed_ones_apart() {
        Load.Measured measured = Load.closedLoop(4, Duration.ofMinutes(1), 100, number -> {
            if (number % 2 == 1) {
                throw new IllegalStateException("odd " + number);
            }
        });
        assertThat(measured.succeeded()).isEqualTo(50);
        assertThat(measured.failed()).isEqualTo(50);
        assertThat(measured.sortedNanos()).hasSize(50).isSorted();
        assertThat(measured.firstFailure()).startsWith("IllegalStateException: odd ");
    }

    @Test
    void a_paced_load_makes_the_calls_its_rate_and_duration_give() {
        Load.Measured measured = Load.paced(2, 1000, Duration.ofMillis(50), number -> { });
        assertThat(measured.succeeded()).isEqualTo(50);
        assertThat(measured.failed()).isZero();
    }
}

package se.nduh.query.comparison;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison refresh's pacing: a round that took a while is followed by a rest four times as long. */
class RestAfterWorkTest {

    @Test
    void the_first_round_may_begin_at_once() {
        assertThat(new RestAfterWork(4, 1_000).mayBegin(1_000)).isTrue();
    }

    @Test
    void after_a_round_of_100_the_next_waits_400_more() {
        RestAfterWork pacing = new RestAfterWork(4, 1_000);

        pacing.worked(1_000, 1_100);

        assertThat(pacing.mayBegin(1_499)).isFalse();
        assertThat(pacing.mayBegin(1_500)).isTrue();
    }

    @Test
    void a_quick_round_hardly_rests() {
        RestAfterWork pacing = new RestAfterWork(4, 1_000);

        pacing.worked(1_000, 1_001);

        assertThat(pacing.mayBegin(1_005)).isTrue();
    }

    @Test
    void readings_of_a_clock_that_started_negative_compare_by_difference() {
        RestAfterWork pacing = new RestAfterWork(4, Long.MAX_VALUE - 10);

        pacing.worked(Long.MAX_VALUE - 10, Long.MAX_VALUE);

        assertThat(pacing.mayBegin(Long.MIN_VALUE)).isFalse();
        assertThat(pacing.mayBegin(Long.MIN_VALUE + 39)).isTrue();
    }
}

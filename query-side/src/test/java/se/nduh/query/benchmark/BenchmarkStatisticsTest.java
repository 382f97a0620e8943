package se.nduh.query.benchmark;

import org.junit.jupiter.api.Test;
import se.nduh.kernel.comparison.Better;
import se.nduh.kernel.comparison.ComparisonRecord;
import se.nduh.query.benchmark.BenchmarkStatistics.Spread;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Median, quartiles (type 7, as R's quantile and Excel's QUARTILE.INC) and competition ranks, exactly. */
class BenchmarkStatisticsTest {

    private static List<BigDecimal> values(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void quartiles_interpolate_between_the_closest_ranks_as_R_and_Excel_do() {
        // R: quantile(c(1, 2, 3, 4, 10, 20), c(.25, .5, .75)) = 2.25 3.5 8.5
        Spread spread = BenchmarkStatistics.spread(values("10", "2", "4", "1", "20", "3"));

        assertThat(spread.lowerQuartile()).isEqualByComparingTo("2.25");
        assertThat(spread.median()).isEqualByComparingTo("3.5");
        assertThat(spread.upperQuartile()).isEqualByComparingTo("8.5");
    }

    @Test
    void an_odd_count_has_its_middle_value_as_median_and_exact_decimals() {
        // R: quantile(c(0.1, 0.25, 0.3333, 0.5, 0.9), c(.25, .5, .75)) = 0.25 0.3333 0.5
        Spread spread = BenchmarkStatistics.spread(values("0.5", "0.1", "0.9", "0.3333", "0.25"));

        assertThat(spread.lowerQuartile()).isEqualTo(new BigDecimal("0.25"));
        assertThat(spread.median()).isEqualTo(new BigDecimal("0.3333"));
        assertThat(spread.upperQuartile()).isEqualTo(new BigDecimal("0.5"));
    }

    @Test
    void suppressed_figures_are_left_out_not_counted_as_zero() {
        List<ComparisonRecord> records = List.of(
                new ComparisonRecord(1, "needs.evidence-quality", "2999", "r-0000000000000001", false, new BigDecimal("4"), false, 6, 1),
                new ComparisonRecord(1, "needs.evidence-quality", "2999", "r-0000000000000002", false, null, true, null, 1),
                new ComparisonRecord(1, "needs.evidence-quality", "2999", "blekinge", true, new BigDecimal("2"), false, 9, 1));

        List<BigDecimal> values = BenchmarkStatistics.unsuppressed(records);

        assertThat(values).containsExactly(new BigDecimal("4"), new BigDecimal("2"));
        assertThat(BenchmarkStatistics.spread(values).median()).isEqualByComparingTo("3");
        assertThat(BenchmarkStatistics.rank(new BigDecimal("2"), values, Better.HIGHER)).isEqualTo(2);
    }

    @Test
    void one_value_is_its_own_median_and_quartiles_and_none_gives_none() {
        assertThat(BenchmarkStatistics.spread(values("7"))).isEqualTo(new Spread(new BigDecimal("7"), new BigDecimal("7"), new BigDecimal("7")));
        assertThat(BenchmarkStatistics.spread(List.of())).isEqualTo(Spread.NONE);
    }

    @Test
    void whole_results_are_written_without_exponent() {
        assertThat(BenchmarkStatistics.spread(values("10", "30")).median().toString()).isEqualTo("20");
    }

    @Test
    void higher_is_better_ranks_the_highest_first_and_ties_share_a_rank() {
        List<BigDecimal> published = values("4.5", "3.0", "3", "2", "5");

        assertThat(BenchmarkStatistics.rank(new BigDecimal("5"), published, Better.HIGHER)).isEqualTo(1);
        assertThat(BenchmarkStatistics.rank(new BigDecimal("4.5"), published, Better.HIGHER)).isEqualTo(2);
        assertThat(BenchmarkStatistics.rank(new BigDecimal("3"), published, Better.HIGHER)).isEqualTo(3);
        assertThat(BenchmarkStatistics.rank(new BigDecimal("3.00"), published, Better.HIGHER)).isEqualTo(3);
        assertThat(BenchmarkStatistics.rank(new BigDecimal("2"), published, Better.HIGHER)).isEqualTo(5);
    }

    @Test
    void lower_is_better_ranks_the_lowest_first() {
        List<BigDecimal> published = values("40", "12", "12", "90");

        assertThat(BenchmarkStatistics.rank(new BigDecimal("12"), published, Better.LOWER)).isEqualTo(1);
        assertThat(BenchmarkStatistics.rank(new BigDecimal("40"), published, Better.LOWER)).isEqualTo(3);
        assertThat(BenchmarkStatistics.rank(new BigDecimal("90"), published, Better.LOWER)).isEqualTo(4);
    }

    @Test
    void a_metric_better_neither_way_and_a_missing_own_value_have_no_rank() {
        assertThat(BenchmarkStatistics.rank(new BigDecimal("3"), values("1", "3"), Better.NEITHER)).isNull();
        assertThat(BenchmarkStatistics.rank(null, values("1", "3"), Better.HIGHER)).isNull();
    }
}

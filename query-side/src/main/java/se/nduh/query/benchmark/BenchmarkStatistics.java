package se.nduh.query.benchmark;

import se.nduh.kernel.comparison.Better;
import se.nduh.kernel.comparison.ComparisonRecord;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * The network figures of a benchmark, over the unsuppressed values only (a suppressed figure is unknown, not
 * zero). Pure functions, exact in {@link BigDecimal}.
 * <ul>
 *   <li>Quartiles and median by linear interpolation between closest ranks (Hyndman–Fan type 7, the method of
 *   R's default {@code quantile}, Excel's {@code QUARTILE.INC} and NumPy's default): over the n values in
 *   ascending order x<sub>1</sub>…x<sub>n</sub>, the p-quantile is x<sub>⌊h⌋</sub> + (h − ⌊h⌋)(x<sub>⌊h⌋+1</sub>
 *   − x<sub>⌊h⌋</sub>) with h = (n − 1)p + 1. One value is its own median and quartiles; none gives none.</li>
 *   <li>Rank: standard competition ranking in the metric's direction (1 is best; ties share the rank and the
 *   next rank is skipped, "1, 2, 2, 4"); a metric that is better neither way ranks nothing.</li>
 * </ul>
 */
final class BenchmarkStatistics {

    static final BigDecimal LOWER_QUARTILE = new BigDecimal("0.25");
    static final BigDecimal MEDIAN = new BigDecimal("0.5");
    static final BigDecimal UPPER_QUARTILE = new BigDecimal("0.75");

    private BenchmarkStatistics() {
    }

    /** Median and quartiles of the values; all {@code null} when there are none. */
    record Spread(BigDecimal lowerQuartile, BigDecimal median, BigDecimal upperQuartile) {

        static final Spread NONE = new Spread(null, null, null);
    }

    /** The values the statistics are over: the unsuppressed figures (a suppressed one is unknown, not zero). */
    static List<BigDecimal> unsuppressed(List<ComparisonRecord> records) {
        return records.stream().filter(record -> !record.suppressed()).map(ComparisonRecord::value).toList();
    }

    static Spread spread(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return Spread.NONE;
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        return new Spread(quantile(sorted, LOWER_QUARTILE), quantile(sorted, MEDIAN), quantile(sorted, UPPER_QUARTILE));
    }

    /** The p-quantile (0 ≤ p ≤ 1) of values sorted ascending, by linear interpolation (type 7). */
    static BigDecimal quantile(List<BigDecimal> ascending, BigDecimal p) {
        if (ascending.isEmpty()) {
            return null;
        }
        BigDecimal h = BigDecimal.valueOf(ascending.size() - 1L).multiply(p);
        int below = h.intValue();
        BigDecimal fraction = h.subtract(BigDecimal.valueOf(below));
        BigDecimal low = ascending.get(below);
        if (fraction.signum() == 0) {
            return plain(low);
        }
        BigDecimal high = ascending.get(below + 1);
        return plain(low.add(fraction.multiply(high.subtract(low))));
    }

    /**
     * The rank of {@code own} among the values in the metric's direction: 1 + how many values are strictly
     * better; {@code null} when the metric is better neither way or there is no own value.
     */
    static Integer rank(BigDecimal own, List<BigDecimal> values, Better better) {
        if (own == null || better == Better.NEITHER) {
            return null;
        }
        long ahead = values.stream().filter(value -> isBetter(value, own, better)).count();
        return (int) ahead + 1;
    }

    /** Best first in the metric's direction; ascending for a metric better neither way. */
    static Comparator<BigDecimal> bestFirst(Better better) {
        return better == Better.HIGHER ? Comparator.<BigDecimal>reverseOrder() : Comparator.<BigDecimal>naturalOrder();
    }

    private static boolean isBetter(BigDecimal value, BigDecimal than, Better better) {
        int comparison = value.compareTo(than);
        return better == Better.HIGHER ? comparison > 0 : comparison < 0;
    }

    /** Without trailing zeros and never in exponent notation, so JSON shows {@code 10}, not {@code 1E+1}. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}

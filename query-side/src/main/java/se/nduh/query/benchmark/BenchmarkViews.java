package se.nduh.query.benchmark;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.indicator.IndicatorCatalogue;
import se.nduh.kernel.comparison.Area;
import se.nduh.kernel.comparison.CatalogueIndicator;
import se.nduh.kernel.comparison.ComparisonRecord;
import se.nduh.kernel.comparison.Metric;
import se.nduh.kernel.comparison.Metrics;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.rule.Rule;
import se.nduh.query.benchmark.BenchmarkAnswers.Benchmark;
import se.nduh.query.benchmark.BenchmarkAnswers.Entry;
import se.nduh.query.benchmark.BenchmarkAnswers.MetricAnswer;
import se.nduh.query.benchmark.BenchmarkAnswers.NetworkPoint;
import se.nduh.query.benchmark.BenchmarkAnswers.OwnPoint;
import se.nduh.query.benchmark.BenchmarkAnswers.Trend;
import se.nduh.query.benchmark.BenchmarkStatistics.Spread;
import se.nduh.query.keys.RegionKeys;
import se.nduh.query.readmodel.Page;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The benchmarking views over the comparison board. The own region's entry is recognised here, and only here,
 * by the region's own key ({@link RegionKeys#pseudonymOf}) or, for a named record, by its code; nothing of
 * that mapping goes into an answer but the {@code own} mark on the caller's own entry.
 */
@Component
class BenchmarkViews {

    private final ComparisonBoard board;
    private final RegionKeys keys;
    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    BenchmarkViews(ComparisonBoard board, RegionKeys keys, IndicatorCatalogue indicators) {
        this.board = board;
        this.keys = keys;
        Stream.concat(Metrics.CYCLE.stream(), indicators.all().stream().map(CatalogueIndicator::metric))
                .forEach(metric -> metrics.put(metric.code(), metric));
    }

    /** The metric of that code, or the {@link Rule#UnknownMetric} violation on the field {@code metric}. */
    Metric require(String code) {
        Metric metric = metrics.get(code);
        if (metric == null) {
            throw Rule.UnknownMetric.violation("metric");
        }
        return metric;
    }

    /** The catalogue in its order (the cycle's areas, then the indicators), each with its periods. */
    Mono<Page<MetricAnswer>> metrics(Area area, int page, int size) {
        return board.periodsByMetric().map(periods -> {
            List<MetricAnswer> all = metrics.values().stream()
                    .filter(metric -> area == null || metric.area() == area)
                    .map(metric -> MetricAnswer.of(metric, List.copyOf(periods.getOrDefault(metric.code(), Set.of()))))
                    .toList();
            return page(all, page, size);
        });
    }

    /**
     * Every region's figure of the metric in the period (the latest when {@code period} is null), the network's
     * spread and the own region's rank; {@code own} is the caller's region, or null for none.
     */
    Mono<Benchmark> benchmark(Metric metric, String period, RegionCode own, int page, int size) {
        return board.ofMetric(metric.code()).collectList().map(records -> {
            TreeMap<String, List<ComparisonRecord>> byPeriod = byPeriod(records);
            MetricAnswer answer = MetricAnswer.of(metric, List.copyOf(byPeriod.keySet()));
            String shown = period != null ? period
                    : byPeriod.isEmpty() ? null : byPeriod.lastKey();
            List<ComparisonRecord> inPeriod = shown == null ? List.of() : byPeriod.getOrDefault(shown, List.of());
            List<BigDecimal> values = BenchmarkStatistics.unsuppressed(inPeriod);
            Spread spread = BenchmarkStatistics.spread(values);
            Optional<ComparisonRecord> mine = ownEntry(inPeriod, own);
            Integer rank = mine.filter(record -> !record.suppressed())
                    .map(record -> BenchmarkStatistics.rank(record.value(), values, metric.better())).orElse(null);
            List<Entry> entries = inPeriod.stream()
                    .sorted(order(metric))
                    .map(record -> new Entry(record.region(), record.named(), record.value(), record.suppressed(),
                            record.itemCount(), mine.isPresent() && mine.get() == record))
                    .toList();
            return new Benchmark(answer, shown, own == null ? null : own.value(), inPeriod.size(),
                    (int) inPeriod.stream().filter(ComparisonRecord::suppressed).count(),
                    spread.lowerQuartile(), spread.median(), spread.upperQuartile(), rank, values.size(),
                    page(entries, page, size));
        });
    }

    /** The network's spread per period, and the own region's figures and ranks. */
    Mono<Trend> trend(Metric metric, RegionCode own) {
        return board.ofMetric(metric.code()).collectList().map(records -> {
            TreeMap<String, List<ComparisonRecord>> byPeriod = byPeriod(records);
            List<NetworkPoint> network = new ArrayList<>();
            List<OwnPoint> ownSeries = own == null ? null : new ArrayList<>();
            byPeriod.forEach((period, inPeriod) -> {
                List<BigDecimal> values = BenchmarkStatistics.unsuppressed(inPeriod);
                Spread spread = BenchmarkStatistics.spread(values);
                network.add(new NetworkPoint(period, inPeriod.size(),
                        (int) inPeriod.stream().filter(ComparisonRecord::suppressed).count(),
                        spread.lowerQuartile(), spread.median(), spread.upperQuartile()));
                ownEntry(inPeriod, own).ifPresent(mine -> ownSeries.add(new OwnPoint(period, mine.value(), mine.suppressed(),
                        mine.itemCount(), mine.suppressed() ? null : BenchmarkStatistics.rank(mine.value(), values, metric.better()),
                        values.size())));
            });
            return new Trend(MetricAnswer.of(metric, List.copyOf(byPeriod.keySet())), own == null ? null : own.value(),
                    network, ownSeries);
        });
    }

    /**
     * The own region's record among one period's records: the one under its code if it is named, else the one
     * under its pseudonym for that period. Never more than one.
     */
    private Optional<ComparisonRecord> ownEntry(List<ComparisonRecord> inPeriod, RegionCode own) {
        if (own == null || inPeriod.isEmpty()) {
            return Optional.empty();
        }
        Optional<ComparisonRecord> named = inPeriod.stream()
                .filter(record -> record.named() && record.region().equals(own.value())).findFirst();
        if (named.isPresent()) {
            return named;
        }
        Optional<String> pseudonym = keys.pseudonymOf(own, Period.of(inPeriod.get(0).period()));
        return pseudonym.flatMap(mine -> inPeriod.stream()
                .filter(record -> !record.named() && record.region().equals(mine)).findFirst());
    }

    /** Periods in order: by year, a year before its quarters (the natural order of their codes). */
    private static TreeMap<String, List<ComparisonRecord>> byPeriod(List<ComparisonRecord> records) {
        TreeMap<String, List<ComparisonRecord>> byPeriod = new TreeMap<>();
        records.forEach(record -> byPeriod.computeIfAbsent(record.period(), period -> new ArrayList<>()).add(record));
        return byPeriod;
    }

    /** Unsuppressed best first (ascending when better neither way), suppressed last, ties by the published region. */
    private static Comparator<ComparisonRecord> order(Metric metric) {
        Comparator<BigDecimal> bestFirst = BenchmarkStatistics.bestFirst(metric.better());
        return Comparator.comparing(ComparisonRecord::suppressed)
                .thenComparing(ComparisonRecord::value, Comparator.nullsLast(bestFirst))
                .thenComparing(ComparisonRecord::region);
    }

    private static <T> Page<T> page(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Page<>(all.subList(from, to), page, size, all.size());
    }
}

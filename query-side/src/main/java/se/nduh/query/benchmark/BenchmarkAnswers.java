package se.nduh.query.benchmark;

import io.swagger.v3.oas.annotations.media.Schema;
import se.nduh.kernel.comparison.Area;
import se.nduh.kernel.comparison.Better;
import se.nduh.kernel.comparison.Metric;
import se.nduh.query.readmodel.Page;

import java.math.BigDecimal;
import java.util.List;

/** What the benchmarking endpoints answer: series and numbers ready for charts. */
final class BenchmarkAnswers {

    private BenchmarkAnswers() {
    }

    @Schema(description = "A metric the regions compare, with the periods the network has published figures for")
    record MetricAnswer(
            @Schema(description = "Stable code, e.g. needs.evidence-quality or indicator.<catalogue code>") String code,
            @Schema(description = "Swedish label") String label,
            Area area,
            @Schema(description = "The area in Swedish") String areaLabel,
            @Schema(description = "Which way is better: HIGHER, LOWER or NEITHER (descriptive; no rank)") Better better,
            @Schema(description = "The direction in Swedish") String betterLabel,
            String unit,
            @Schema(description = "Periods with published figures, oldest first (a year before its quarters)") List<String> periods) {

        static MetricAnswer of(Metric metric, List<String> periods) {
            return new MetricAnswer(metric.code(), metric.label(), metric.area(), metric.area().swedish(), metric.better(),
                    metric.better().swedish(), metric.unit(), periods);
        }
    }

    @Schema(description = "One region's figure: its pseudonym for the period (or its code if it opted in to be named)")
    record Entry(
            @Schema(description = "The pseudonym for this period, or the region's code when named") String region,
            @Schema(description = "True when region is the region's code, by its own decision") boolean named,
            @Schema(description = "The figure, or null when suppressed (never shown as zero)") BigDecimal value,
            @Schema(description = "True when fewer than k items lie behind the figure") boolean suppressed,
            @Schema(description = "How many items lie behind the figure, or null when suppressed") Integer itemCount,
            @Schema(description = "True only on the entry of the caller's own region (ownRegion)") boolean own) {
    }

    @Schema(description = "Every region's figure of one metric and period, with the network's median and quartiles")
    record Benchmark(
            MetricAnswer metric,
            @Schema(description = "The period shown: the one asked for, or the latest; null when nothing is published") String period,
            @Schema(description = "The caller's region whose entry is marked own; null for coordinators and callers of several regions who named none") String ownRegion,
            @Schema(description = "How many regions published a figure (suppressed ones included)") int regions,
            @Schema(description = "How many of them are suppressed") int suppressedRegions,
            @Schema(description = "Lower quartile of the unsuppressed values (type 7 interpolation); null when none") BigDecimal lowerQuartile,
            @Schema(description = "Median of the unsuppressed values; null when none") BigDecimal median,
            @Schema(description = "Upper quartile of the unsuppressed values (type 7 interpolation); null when none") BigDecimal upperQuartile,
            @Schema(description = "The own region's rank among the unsuppressed values, 1 = best, ties share; null when the metric is better neither way, the own figure is suppressed or missing, or no own region") Integer rank,
            @Schema(description = "How many values the rank is among (the unsuppressed figures)") int rankedAmong,
            @Schema(description = "The entries: unsuppressed best first (ascending when better neither way), suppressed last, ties by region") Page<Entry> entries) {
    }

    @Schema(description = "The network's figures of one period")
    record NetworkPoint(String period, int regions, int suppressedRegions, BigDecimal lowerQuartile, BigDecimal median,
                        BigDecimal upperQuartile) {
    }

    @Schema(description = "The own region's figure of one period, with its rank that period")
    record OwnPoint(String period, BigDecimal value, boolean suppressed, Integer itemCount, Integer rank, int rankedAmong) {
    }

    @Schema(description = "A metric over time: the network per period, and the own region's series")
    record Trend(
            MetricAnswer metric,
            @Schema(description = "The caller's region whose series is given; null for coordinators") String ownRegion,
            @Schema(description = "Per period, oldest first") List<NetworkPoint> network,
            @Schema(description = "The own region's figures, for the periods it published; null when no own region") List<OwnPoint> own) {
    }
}

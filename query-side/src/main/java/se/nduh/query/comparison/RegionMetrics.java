package se.nduh.query.comparison;

import se.nduh.kernel.commission.FollowUpLevel;
import se.nduh.kernel.comparison.AnonymisationPolicy;
import se.nduh.kernel.comparison.Metric;
import se.nduh.kernel.comparison.Metrics;
import se.nduh.kernel.need.Grade;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.period.Period;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One region's metrics, computed from the facts the comparison publisher keeps: pure functions, so each rule is
 * unit-tested without a store. Every metric of the cycle is given for every budget year the region has data
 * for, with the number of items behind it, so that a thin year shows as suppressed rather than missing.
 */
final class RegionMetrics {

    /** One figure before anonymisation: {@code value} is {@code null} when there is nothing to compute it from. */
    /** One figure; {@code people} when its items are the people of a need group, whose count is published as a band. */
    record Figure(String metric, String period, BigDecimal value, int items, boolean people) {

        Figure(String metric, String period, BigDecimal value, int items) {
            this(metric, period, value, items, false);
        }
    }

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final Map<String, NeedFacts> needs;
    private final Collection<RoundFacts> rounds;
    private final Collection<CommissionFacts> commissions;
    private final int minGroupCount;

    private RegionMetrics(Map<String, NeedFacts> needs, Collection<RoundFacts> rounds, Collection<CommissionFacts> commissions,
                          int minGroupCount) {
        this.needs = needs;
        this.minGroupCount = minGroupCount;
        this.rounds = rounds;
        this.commissions = commissions.stream().filter(CommissionFacts::issued).toList();
    }

    /** Every figure of the region: the needs by id, its rounds and its commissions. */
    static List<Figure> of(Map<String, NeedFacts> needs, Collection<RoundFacts> rounds, Collection<CommissionFacts> commissions) {
        return of(needs, rounds, commissions, AnonymisationPolicy.DEFAULT_K);
    }

    /**
     * Every figure of the region, where a group of an equity breakdown counts in a figure only if it counts at least
     * {@code minGroupCount} people (the policy's k, applied per cell).
     */
    static List<Figure> of(Map<String, NeedFacts> needs, Collection<RoundFacts> rounds, Collection<CommissionFacts> commissions,
                           int minGroupCount) {
        return new RegionMetrics(needs, rounds, commissions, minGroupCount).figures();
    }

    private List<Figure> figures() {
        List<Figure> figures = new ArrayList<>();
        for (int year : years()) {
            String period = Period.year(year).value();
            needFigures(year, period, figures);
            priorityFigures(year, period, figures);
            commissionFigures(year, period, figures);
            followUpFigures(year, period, figures);
        }
        indicatorFigures(figures);
        return figures;
    }

    private TreeSet<Integer> years() {
        TreeSet<Integer> years = new TreeSet<>();
        needs.values().forEach(need -> {
            years.add(need.budgetYear());
            if (need.gapClosure() != null) {
                years.add(Period.of(need.dataPeriod()).year());
            }
        });
        rounds.forEach(round -> years.add(round.budgetYear()));
        commissions.forEach(commission -> {
            years.add(commission.budgetYear());
            commission.fulfilment().values().forEach(outcome -> years.add(Period.of(outcome.period()).year()));
        });
        return years;
    }

    private void needFigures(int year, String period, List<Figure> figures) {
        List<NeedFacts> described = needs.values().stream().filter(need -> need.budgetYear() == year).toList();
        figures.add(new Figure(Metrics.NEEDS_DESCRIBED.code(), period, BigDecimal.valueOf(described.size()), described.size()));
        Metrics.NEEDS_DESCRIBED_BY_KIND.forEach((kind, metric) -> {
            int count = (int) described.stream().filter(need -> need.kinds().contains(kind)).count();
            figures.add(new Figure(metric.code(), period, BigDecimal.valueOf(count), count));
        });
        List<BigDecimal> qualities = described.stream().flatMap(need -> need.evidence().values().stream())
                .map(evidence -> BigDecimal.valueOf(evidence.dataQuality())).toList();
        figures.add(mean(Metrics.EVIDENCE_QUALITY, period, qualities));
        figures.add(share(Metrics.POPULATION_EVIDENCE_SHARE, period, described,
                need -> need.evidence().values().stream().anyMatch(evidence -> evidence.kind().populationLevel())));
        figures.add(mean(Metrics.MEAN_RELATIVE_GAP, period,
                described.stream().map(NeedFacts::relativeGap).filter(Objects::nonNull).toList()));
        figures.add(share(Metrics.EQUITY_BREAKDOWN_SHARE, period, described, need -> need.inequity() != null));
        figures.add(median(Metrics.MEDIAN_RELATIVE_GROUP_GAP, period, described.stream()
                .map(need -> need.relativeGroupGap(minGroupCount)).filter(Objects::nonNull).toList()));
        figures.add(share(Metrics.CARE_NEED_SHARE, period, described.stream().filter(need -> need.careNeed() != null).toList(),
                NeedFacts::careNeed));
    }

    private void priorityFigures(int year, String period, List<Figure> figures) {
        Optional<RoundFacts> decided = rounds.stream().filter(round -> round.budgetYear() == year && round.decided()).findFirst();
        List<RoundFacts.Place> ranking = decided.map(RoundFacts::ranking).orElse(List.of());
        List<String> leftOut = decided.map(RoundFacts::notPrioritised).orElse(List.of());

        List<BigDecimal> days = decided.stream()
                .flatMap(round -> Stream.concat(round.ranking().stream().map(RoundFacts.Place::needId), round.notPrioritised().stream())
                        .map(needs::get).filter(Objects::nonNull)
                        .map(need -> BigDecimal.valueOf(Duration.between(need.proposedAt(), round.decidedAt()).toDays())))
                .toList();
        figures.add(median(Metrics.DAYS_TO_DECISION, period, days));

        List<NeedFacts> topTen = ranking.stream().limit(10).map(place -> needs.get(place.needId())).filter(Objects::nonNull).toList();
        figures.add(share(Metrics.PREVENTIVE_IN_TOP_TEN, period, topTen, need -> need.kinds().contains(KindOfEffort.PREVENTIVE)
                || need.kinds().contains(KindOfEffort.HEALTH_PROMOTING)));

        figures.add(share(Metrics.JUSTIFIED_DEVIATIONS, period, deviations(ranking), RoundFacts.Place::deviationRationale));
        figures.add(new Figure(Metrics.RANKING_VERSIONS.code(), period,
                decided.map(round -> BigDecimal.valueOf(round.rankingVersion())).orElse(null), ranking.size()));
        int accounted = ranking.size() + leftOut.size();
        figures.add(new Figure(Metrics.NOT_PRIORITISED_SHARE.code(), period,
                accounted == 0 ? null : BigDecimal.valueOf(leftOut.size()).divide(BigDecimal.valueOf(accounted), PRECISION), accounted));
    }

    /** The places where a need stands above a need of higher severity. */
    private List<RoundFacts.Place> deviations(List<RoundFacts.Place> ranking) {
        List<RoundFacts.Place> deviations = new ArrayList<>();
        for (int i = 0; i < ranking.size(); i++) {
            Grade severity = severityOf(ranking.get(i));
            for (RoundFacts.Place below : ranking.subList(i + 1, ranking.size())) {
                Grade other = severityOf(below);
                if (severity != null && other != null && other.above(severity)) {
                    deviations.add(ranking.get(i));
                    break;
                }
            }
        }
        return deviations;
    }

    private Grade severityOf(RoundFacts.Place place) {
        NeedFacts need = needs.get(place.needId());
        return need == null ? null : need.severity();
    }

    private void commissionFigures(int year, String period, List<Figure> figures) {
        List<CommissionFacts> issued = commissions.stream().filter(commission -> commission.budgetYear() == year).toList();
        figures.add(share(Metrics.EVERY_GOAL_FOLLOWED_UP, period, issued, CommissionFacts::everyGoalFollowedUp));
        figures.add(share(Metrics.POPULATION_PERSPECTIVE, period, issued, CommissionFacts::populationPerspective));
        figures.add(share(Metrics.ACTIVE_PAYMENT, period, issued, CommissionFacts::activePaymentLinkedToGoals));
        figures.add(share(Metrics.PREVENTIVE_COMMISSIONS, period, issued, CommissionFacts::preventive));
        figures.add(new Figure(Metrics.ISSUED_WITH_WARNINGS.code(), period,
                BigDecimal.valueOf(issued.stream().filter(CommissionFacts::warned).count()), issued.size()));
        figures.add(share(Metrics.EFFECT_LEVEL_SHARE, period,
                issued.stream().flatMap(commission -> commission.levels().values().stream()).toList(),
                level -> level == FollowUpLevel.EFFECT));
    }

    private void followUpFigures(int year, String period, List<Figure> figures) {
        // Each indicator counts once a year, by its latest period's goal fulfilment.
        List<CommissionFacts.Fulfilment> latest = commissions.stream()
                .flatMap(commission -> commission.fulfilment().entrySet().stream()
                        .filter(outcome -> outcome.getValue().value() != null && Period.of(outcome.getValue().period()).year() == year)
                        .collect(Collectors.groupingBy(outcome -> outcome.getKey().substring(0, outcome.getKey().lastIndexOf('|')),
                                Collectors.mapping(Map.Entry::getValue,
                                        Collectors.maxBy(Comparator.comparing(CommissionFacts.Fulfilment::period)))))
                        .values().stream().flatMap(Optional::stream))
                .toList();
        Metrics.GOAL_FULFILMENT.forEach((level, metric) -> figures.add(mean(metric, period,
                latest.stream().filter(outcome -> outcome.level() == level).map(CommissionFacts.Fulfilment::value).toList())));
        figures.add(mean(Metrics.GAP_CLOSURE, period, needs.values().stream()
                .filter(need -> Period.of(need.dataPeriod()).year() == year)
                .map(NeedFacts::gapClosure).filter(Objects::nonNull).toList()));
    }

    /**
     * Each catalogue indicator's value per period, from the needs that describe it and from the outcomes of
     * population-level follow-up indicators (quarterly where they are followed up quarterly); where several
     * give one, the widest population's.
     */
    private void indicatorFigures(List<Figure> figures) {
        Stream.concat(needs.values().stream().flatMap(need -> need.indicatorValues().values().stream()),
                        commissions.stream().flatMap(this::outcomeValues))
                .collect(Collectors.groupingBy(value -> value.catalogueCode() + "|" + value.period(),
                        Collectors.maxBy(Comparator.comparingLong(NeedFacts.IndicatorValue::population))))
                .values().stream().flatMap(Optional::stream)
                .forEach(value -> figures.add(new Figure(Metrics.indicatorCode(value.catalogueCode()), value.period(),
                        value.value(), (int) Math.min(Integer.MAX_VALUE, value.population()), true)));
    }

    /** A commission's catalogue values, each behind the largest need group the commission addresses. */
    private Stream<NeedFacts.IndicatorValue> outcomeValues(CommissionFacts commission) {
        long population = commission.needIds().stream().map(needs::get).filter(Objects::nonNull)
                .mapToLong(NeedFacts::population).max().orElse(0);
        return commission.catalogueValues().values().stream().map(value ->
                new NeedFacts.IndicatorValue(value.catalogueCode(), value.period(), value.value(), population));
    }

    private static Figure mean(Metric metric, String period, List<BigDecimal> values) {
        BigDecimal mean = values.isEmpty() ? null : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), PRECISION);
        return new Figure(metric.code(), period, mean, values.size());
    }

    private static Figure median(Metric metric, String period, List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal median = n == 0 ? null : n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), PRECISION);
        return new Figure(metric.code(), period, median, n);
    }

    private static <T> Figure share(Metric metric, String period, List<T> items, Predicate<T> counted) {
        BigDecimal share = items.isEmpty() ? null : BigDecimal.valueOf(items.stream().filter(counted).count())
                .divide(BigDecimal.valueOf(items.size()), PRECISION);
        return new Figure(metric.code(), period, share, items.size());
    }
}

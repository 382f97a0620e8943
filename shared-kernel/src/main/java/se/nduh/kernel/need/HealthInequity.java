package se.nduh.kernel.need;

import se.nduh.kernel.period.Period;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A need's equity breakdown (jämlik hälsa): the groups of one dimension it differs between, each with the need's
 * indicator measured in it, in the data period {@code period}. The gap between the groups is derived here, once, so
 * that the aggregate, the read models and the comparisons agree on it; a breakdown of each period is kept, so the gap
 * between the groups is followed up over time.
 *
 * @param period the period the groups' values were measured in; {@code null} in a command means the period of the
 *               need's indicator, which the aggregate fills in, so every stored breakdown has one
 */
public record HealthInequity(EquityDimension dimension, List<PopulationGroup> groups, Period period) {

    public static final int MIN_GROUPS = 2;
    public static final int MAX_GROUPS = 12;

    public HealthInequity {
        groups = List.copyOf(groups);
    }

    /** A breakdown measured in the period of the need's indicator. */
    public HealthInequity(EquityDimension dimension, List<PopulationGroup> groups) {
        this(dimension, groups, null);
    }

    /** The same breakdown, measured in the given period. */
    public HealthInequity inPeriod(Period measured) {
        return new HealthInequity(dimension, groups, measured);
    }

    /** The gap between the worst and the best group, in the indicator's direction. */
    public InequityGap gap(Direction direction) {
        return gapAmong(groups, direction).orElseThrow();
    }

    /**
     * The gap between the groups that count at least {@code minCount} people, none when fewer than two do: a
     * figure that leaves the region is computed from such groups only, so a small group's value cannot be read
     * back from it.
     */
    public Optional<InequityGap> gapAmongGroupsOfAtLeast(long minCount, Direction direction) {
        return gapAmong(groups.stream().filter(group -> group.count() >= minCount).toList(), direction);
    }

    private static Optional<InequityGap> gapAmong(List<PopulationGroup> groups, Direction direction) {
        if (groups.size() < MIN_GROUPS) {
            return Optional.empty();
        }
        Comparator<PopulationGroup> better = Comparator.comparing(PopulationGroup::value);
        if (direction == Direction.HIGHER_IS_BETTER) {
            better = better.reversed();
        }
        // The first group of the order given wins a tie, so the derived gap is the same on every run.
        PopulationGroup best = groups.stream().min(better).orElseThrow();
        PopulationGroup worst = groups.stream().max(better).orElseThrow();
        BigDecimal absolute = worst.value().subtract(best.value()).abs();
        BigDecimal relative = best.value().signum() == 0 ? null : absolute.divide(best.value().abs(), MathContext.DECIMAL64);
        return Optional.of(new InequityGap(absolute, relative, worst.label(), best.label()));
    }
}

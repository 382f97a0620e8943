package se.nduh.query.comparison;

import se.nduh.kernel.need.Direction;
import se.nduh.kernel.need.EvidenceKind;
import se.nduh.kernel.need.Grade;
import se.nduh.kernel.need.HealthGap;
import se.nduh.kernel.need.HealthIndicator;
import se.nduh.kernel.need.HealthInequity;
import se.nduh.kernel.need.InequityGap;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedGroup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the comparison publisher keeps of one need: only what its metrics need, never a title or a text. A
 * withdrawal changes nothing here: a need counts for the budget year it was described in, so a year's figures
 * do not change when its needs close.
 *
 * @param firstGap        the gap when a target was first set, and {@code firstGapPeriod} the data period it was measured in
 * @param latestGap       the gap by the latest indicator value, measured in {@code dataPeriod}
 * @param indicatorValues the need's values of shared catalogue indicators, by {@code code|period}
 * @param population      how many people the need group counts, as last described
 * @param direction       which way the need's indicator improves, as last described ({@code null} in facts kept
 *                        before it was: such a need's breakdown counts in the share, not in the gap between groups)
 * @param inequity        the equity breakdown, {@code null} while none is described; its groups' labels stay in the
 *                        region's own read model and are never part of a figure
 */
record NeedFacts(String needId, String region, int budgetYear, Instant proposedAt, Set<KindOfEffort> kinds,
                 Map<String, Evidence> evidence, Boolean careNeed, Grade severity, String dataPeriod,
                 BigDecimal firstGap, String firstGapPeriod, BigDecimal latestGap, BigDecimal relativeGap,
                 Map<String, IndicatorValue> indicatorValues, long population, Direction direction, HealthInequity inequity) {

    /**
     * Tens of thousands of facts are kept in memory ({@link ComparisonFacts}): the region and the periods, the same for
     * many needs, are shared; kinds are an enum set and no evidence or values one shared empty map.
     */
    NeedFacts {
        region = region.intern();
        dataPeriod = dataPeriod == null ? null : dataPeriod.intern();
        firstGapPeriod = firstGapPeriod == null ? null : firstGapPeriod.intern();
        kinds = kinds == null ? Set.of() : KindOfEffort.setOf(kinds);
        evidence = evidence == null || evidence.isEmpty() ? Map.of() : evidence;
        indicatorValues = indicatorValues == null || indicatorValues.isEmpty() ? Map.of() : indicatorValues;
    }

    record Evidence(EvidenceKind kind, int dataQuality) {
    }

    record IndicatorValue(String catalogueCode, String period, BigDecimal value, long population) {
    }

    static NeedFacts proposed(String needId, String region, int budgetYear, Instant at, Set<KindOfEffort> kinds, HealthIndicator indicator,
                              NeedGroup group) {
        return new NeedFacts(needId, region, budgetYear, at, kinds, Map.of(), null, null, indicator.period().value(),
                null, null, null, null, Map.of(), group.size(), indicator.direction(), null).measured(indicator, group);
    }

    NeedFacts withEvidence(String evidenceId, Evidence attached) {
        Map<String, Evidence> all = new HashMap<>(evidence);
        if (attached == null) {
            all.remove(evidenceId);
        } else {
            all.put(evidenceId, attached);
        }
        return new NeedFacts(needId, region, budgetYear, proposedAt, kinds, all, careNeed, severity, dataPeriod, firstGap,
                firstGapPeriod, latestGap, relativeGap, indicatorValues, population, direction, inequity);
    }

    NeedFacts assessed(boolean isCareNeed, Grade gradedSeverity) {
        return new NeedFacts(needId, region, budgetYear, proposedAt, kinds, evidence, isCareNeed, gradedSeverity, dataPeriod,
                firstGap, firstGapPeriod, latestGap, relativeGap, indicatorValues, population, direction, inequity);
    }

    /** A target was set, or the indicator revised: the gap as it now stands. */
    NeedFacts withGap(HealthGap gap) {
        if (gap == null) {
            return this;
        }
        boolean first = firstGap == null;
        return new NeedFacts(needId, region, budgetYear, proposedAt, kinds, evidence, careNeed, severity, dataPeriod,
                first ? gap.absolute() : firstGap, first ? dataPeriod : firstGapPeriod, gap.absolute(), gap.relative(),
                indicatorValues, population, direction, inequity);
    }

    NeedFacts revised(Set<KindOfEffort> revisedKinds, HealthIndicator indicator, NeedGroup group, HealthGap gap) {
        return new NeedFacts(needId, region, budgetYear, proposedAt, revisedKinds, evidence, careNeed, severity,
                indicator.period().value(), firstGap, firstGapPeriod, latestGap, relativeGap, indicatorValues, group.size(),
                indicator.direction(), inequity)
                .measured(indicator, group).withGap(gap);
    }

    NeedFacts withInequity(HealthInequity described) {
        return new NeedFacts(needId, region, budgetYear, proposedAt, kinds, evidence, careNeed, severity, dataPeriod, firstGap,
                firstGapPeriod, latestGap, relativeGap, indicatorValues, population, direction, described);
    }

    /**
     * The relative gap between the breakdown's groups that count at least {@code minGroupCount} people, so that no
     * smaller group's value is part of a published figure; {@code null} without a breakdown, a direction or two such
     * groups, or when the best group's value is zero.
     */
    BigDecimal relativeGroupGap(long minGroupCount) {
        if (inequity == null || direction == null) {
            return null;
        }
        return inequity.gapAmongGroupsOfAtLeast(minGroupCount, direction).map(InequityGap::relative).orElse(null);
    }

    /** Closure of the gap since the target was set, once a later period's value has been described. */
    BigDecimal gapClosure() {
        if (firstGap == null || firstGap.signum() <= 0 || latestGap == null || dataPeriod.equals(firstGapPeriod)) {
            return null;
        }
        return firstGap.subtract(latestGap).divide(firstGap, java.math.MathContext.DECIMAL64);
    }

    private NeedFacts measured(HealthIndicator indicator, NeedGroup group) {
        if (indicator.catalogueCode() == null) {
            return this;
        }
        Map<String, IndicatorValue> values = new HashMap<>(indicatorValues);
        values.put(indicator.catalogueCode() + "|" + indicator.period().value(), new IndicatorValue(indicator.catalogueCode(),
                indicator.period().value(), indicator.currentValue(), group.size()));
        return new NeedFacts(needId, region, budgetYear, proposedAt, kinds, evidence, careNeed, severity, dataPeriod, firstGap,
                firstGapPeriod, latestGap, relativeGap, values, population, direction, inequity);
    }
}

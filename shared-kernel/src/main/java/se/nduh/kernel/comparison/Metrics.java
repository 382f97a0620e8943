package se.nduh.kernel.comparison;

import se.nduh.kernel.commission.FollowUpLevel;
import se.nduh.kernel.need.KindOfEffort;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The metrics every region publishes for each budget year, derived from its own events, by area. Their codes
 * are the published language: a new metric gets a new code, an existing one is never renamed.
 */
public final class Metrics {

    public static final String COUNT = "antal";
    public static final String SHARE = "andel (0–1)";
    private static final String INDICATOR_PREFIX = "indicator.";

    public static final Metric NEEDS_DESCRIBED = new Metric("needs.described", "Beskrivna behov", Area.NEEDS, Better.NEITHER, COUNT);
    public static final Map<KindOfEffort, Metric> NEEDS_DESCRIBED_BY_KIND = byKind();
    public static final Metric EVIDENCE_QUALITY = new Metric("needs.evidence-quality",
            "Underlagens datakvalitet, medelvärde", Area.NEEDS, Better.HIGHER, "skala 1–5");
    public static final Metric POPULATION_EVIDENCE_SHARE = new Metric("needs.population-evidence-share",
            "Andel behov med underlag på befolkningsnivå (bakgrundsdata, epidemiologi, självrapporterat)",
            Area.NEEDS, Better.HIGHER, SHARE);
    public static final Metric MEAN_RELATIVE_GAP = new Metric("needs.mean-relative-gap",
            "Relativt hälsogap, medelvärde", Area.NEEDS, Better.NEITHER, SHARE);
    public static final Metric EQUITY_BREAKDOWN_SHARE = new Metric("needs.equity-breakdown-share",
            "Andel behov beskrivna med skillnad mellan grupper (jämlik hälsa)", Area.NEEDS, Better.HIGHER, SHARE);
    public static final Metric MEDIAN_RELATIVE_GROUP_GAP = new Metric("needs.median-relative-group-gap",
            "Skillnad mellan grupper, relativ (till den bästa gruppen), median", Area.NEEDS, Better.NEITHER, "kvot (0 = lika)");
    public static final Metric CARE_NEED_SHARE = new Metric("needs.care-need-share",
            "Andel behov bedömda som vårdbehov", Area.NEEDS, Better.NEITHER, SHARE);

    public static final Metric DAYS_TO_DECISION = new Metric("priority.days-to-decision",
            "Dagar från behovsförslag till prioriteringsbeslut, median", Area.PRIORITISATION, Better.LOWER, "dagar");
    public static final Metric PREVENTIVE_IN_TOP_TEN = new Metric("priority.preventive-share-of-top-ten",
            "Andel förebyggande och hälsofrämjande behov bland de tio högst rangordnade", Area.PRIORITISATION, Better.HIGHER, SHARE);
    public static final Metric JUSTIFIED_DEVIATIONS = new Metric("priority.justified-deviation-share",
            "Andel rangordningsavvikelser (lägre svårighetsgrad över högre) som är motiverade", Area.PRIORITISATION,
            Better.HIGHER, SHARE);
    public static final Metric RANKING_VERSIONS = new Metric("priority.ranking-versions",
            "Rangordningsversioner före beslut", Area.PRIORITISATION, Better.NEITHER, "versioner");
    public static final Metric NOT_PRIORITISED_SHARE = new Metric("priority.not-prioritised-share",
            "Andel bedömda vårdbehov som beslutats som icke-göra", Area.PRIORITISATION, Better.NEITHER, SHARE);

    public static final Metric EVERY_GOAL_FOLLOWED_UP = new Metric("commissions.every-goal-followed-up-share",
            "Andel uppdrag vars uppföljningsplan mäter varje mål", Area.COMMISSIONING, Better.HIGHER, SHARE);
    public static final Metric POPULATION_PERSPECTIVE = new Metric("commissions.population-perspective-share",
            "Andel uppdrag med minst en indikator i befolkningsperspektiv", Area.COMMISSIONING, Better.HIGHER, SHARE);
    public static final Metric ACTIVE_PAYMENT = new Metric("commissions.active-payment-share",
            "Andel uppdrag med aktiv ersättning kopplad till mål", Area.COMMISSIONING, Better.HIGHER, SHARE);
    public static final Metric PREVENTIVE_COMMISSIONS = new Metric("commissions.preventive-share",
            "Andel uppdrag med förebyggande eller hälsofrämjande insatser", Area.COMMISSIONING, Better.HIGHER, SHARE);
    public static final Metric ISSUED_WITH_WARNINGS = new Metric("commissions.issued-with-warnings",
            "Uppdrag utfärdade trots varningar för fallgropar", Area.COMMISSIONING, Better.LOWER, COUNT);

    public static final Map<FollowUpLevel, Metric> GOAL_FULFILMENT = byLevel();
    public static final Metric EFFECT_LEVEL_SHARE = new Metric("followup.effect-level-share",
            "Andel uppföljningsindikatorer på effektnivå", Area.FOLLOW_UP, Better.HIGHER, SHARE);
    public static final Metric GAP_CLOSURE = new Metric("followup.gap-closure",
            "Relativ slutning av hälsogap, medelvärde", Area.FOLLOW_UP, Better.HIGHER, SHARE);

    /** Every metric of the cycle's four areas, in the order they are shown. */
    public static final List<Metric> CYCLE = cycle();

    private Metrics() {
    }

    /** The metric comparing one indicator of the shared catalogue across the regions. */
    public static Metric indicator(String catalogueCode, String name, String unit, Better better) {
        return new Metric(indicatorCode(catalogueCode), name, Area.INDICATORS, better, unit);
    }

    /** The code of the metric comparing a catalogue indicator. */
    public static String indicatorCode(String catalogueCode) {
        return INDICATOR_PREFIX + catalogueCode;
    }

    private static Map<KindOfEffort, Metric> byKind() {
        Map<KindOfEffort, Metric> metrics = new EnumMap<>(KindOfEffort.class);
        for (KindOfEffort kind : KindOfEffort.values()) {
            metrics.put(kind, new Metric("needs.described." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    "Beskrivna behov: " + kind.swedish(), Area.NEEDS, Better.NEITHER, COUNT));
        }
        return Collections.unmodifiableMap(metrics);
    }

    private static Map<FollowUpLevel, Metric> byLevel() {
        Map<FollowUpLevel, Metric> metrics = new EnumMap<>(FollowUpLevel.class);
        for (FollowUpLevel level : FollowUpLevel.values()) {
            metrics.put(level, new Metric("followup.goal-fulfilment." + level.name().toLowerCase(Locale.ROOT),
                    "Måluppfyllelse på nivån " + level.swedish() + ", medelvärde", Area.FOLLOW_UP, Better.HIGHER, SHARE));
        }
        return Collections.unmodifiableMap(metrics);
    }

    private static List<Metric> cycle() {
        List<Metric> all = new ArrayList<>();
        all.add(NEEDS_DESCRIBED);
        all.addAll(NEEDS_DESCRIBED_BY_KIND.values());
        all.addAll(List.of(EVIDENCE_QUALITY, POPULATION_EVIDENCE_SHARE, MEAN_RELATIVE_GAP, EQUITY_BREAKDOWN_SHARE,
                MEDIAN_RELATIVE_GROUP_GAP, CARE_NEED_SHARE,
                DAYS_TO_DECISION, PREVENTIVE_IN_TOP_TEN, JUSTIFIED_DEVIATIONS, RANKING_VERSIONS, NOT_PRIORITISED_SHARE,
                EVERY_GOAL_FOLLOWED_UP, POPULATION_PERSPECTIVE, ACTIVE_PAYMENT, PREVENTIVE_COMMISSIONS, ISSUED_WITH_WARNINGS));
        all.addAll(GOAL_FULFILMENT.values());
        all.addAll(List.of(EFFECT_LEVEL_SHARE, GAP_CLOSURE));
        return List.copyOf(all);
    }
}

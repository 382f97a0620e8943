package se.nduh.query.comparison;

import org.junit.jupiter.api.Test;
import se.nduh.kernel.commission.CommissionTerms;
import se.nduh.kernel.commission.FollowUpIndicator;
import se.nduh.kernel.commission.FollowUpIndicatorId;
import se.nduh.kernel.commission.FollowUpLevel;
import se.nduh.kernel.commission.Frequency;
import se.nduh.kernel.commission.Goal;
import se.nduh.kernel.commission.GoalId;
import se.nduh.kernel.commission.PaymentModel;
import se.nduh.kernel.commission.Perspective;
import se.nduh.kernel.commission.Provider;
import se.nduh.kernel.comparison.Metric;
import se.nduh.kernel.comparison.Metrics;
import se.nduh.kernel.need.Direction;
import se.nduh.kernel.need.EquityDimension;
import se.nduh.kernel.need.EvidenceKind;
import se.nduh.kernel.need.Grade;
import se.nduh.kernel.need.HealthGap;
import se.nduh.kernel.need.HealthIndicator;
import se.nduh.kernel.need.HealthInequity;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedGroup;
import se.nduh.kernel.need.PopulationGroup;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.priority.PriorityRoundId;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RegionMetricsTest {

    private static final String REGION = "halland";
    private static final Instant PROPOSED = Instant.parse("2025-02-01T08:00:00Z");
    private static final GoalId FIRST_GOAL = GoalId.of("g-1");
    private static final GoalId SECOND_GOAL = GoalId.of("g-2");
    private static final FollowUpIndicatorId ACTIVITY = FollowUpIndicatorId.of("activity");
    private static final FollowUpIndicatorId EFFECT = FollowUpIndicatorId.of("effect");

    private final Map<String, NeedFacts> needs = new LinkedHashMap<>();

    private NeedFacts need(String id, int year, Set<KindOfEffort> kinds) {
        NeedFacts need = NeedFacts.proposed(id, REGION, year, PROPOSED, kinds, indicator("2024", "20", null),
                new NeedGroup("Grupp", 1000));
        needs.put(id, need);
        return need;
    }

    private static HealthIndicator indicator(String period, String value, String catalogueCode) {
        return new HealthIndicator("Andel", new BigDecimal(value), "%", Direction.LOWER_IS_BETTER, "Källa", Period.of(period), catalogueCode);
    }

    private BigDecimal value(Metric metric, String period, List<RegionMetrics.Figure> figures) {
        return figure(metric.code(), period, figures).value();
    }

    private static RegionMetrics.Figure figure(String metric, String period, List<RegionMetrics.Figure> figures) {
        return figures.stream().filter(figure -> figure.metric().equals(metric) && figure.period().equals(period))
                .findFirst().orElseThrow(() -> new AssertionError("no figure " + metric + " " + period));
    }

    @Test
    void needs_are_counted_for_the_budget_year_they_were_described_in_and_per_kind_of_effort() {
        need("a", 2025, Set.of(KindOfEffort.PREVENTIVE, KindOfEffort.TREATMENT));
        need("b", 2025, Set.of(KindOfEffort.PREVENTIVE));
        need("c", 2024, Set.of(KindOfEffort.CARE));

        List<RegionMetrics.Figure> figures = RegionMetrics.of(needs, List.of(), List.of());

        assertThat(figure(Metrics.NEEDS_DESCRIBED.code(), "2025", figures).items()).isEqualTo(2);
        assertThat(value(Metrics.NEEDS_DESCRIBED_BY_KIND.get(KindOfEffort.PREVENTIVE), "2025", figures)).isEqualByComparingTo("2");
        assertThat(value(Metrics.NEEDS_DESCRIBED_BY_KIND.get(KindOfEffort.TREATMENT), "2025", figures)).isEqualByComparingTo("1");
        assertThat(value(Metrics.NEEDS_DESCRIBED, "2024", figures)).isEqualByComparingTo("1");
    }

    @Test
    void every_metric_of_the_cycle_is_given_for_every_year_with_data_so_a_thin_year_shows_as_suppressed() {
        need("a", 2025, Set.of(KindOfEffort.CARE));

        List<RegionMetrics.Figure> figures = RegionMetrics.of(needs, List.of(), List.of());

        assertThat(figures.stream().filter(figure -> figure.period().equals("2025")).map(RegionMetrics.Figure::metric))
                .containsExactlyInAnyOrderElementsOf(Metrics.CYCLE.stream().map(Metric::code).toList());
        RegionMetrics.Figure noRound = figure(Metrics.DAYS_TO_DECISION.code(), "2025", figures);
        assertThat(noRound.items()).isZero();
        assertThat(noRound.value()).isNull();
    }

    @Test
    void evidence_quality_is_the_mean_over_all_evidence_and_population_level_evidence_a_share_of_needs() {
        needs.put("a", need("a", 2025, Set.of(KindOfEffort.CARE))
                .withEvidence("e1", new NeedFacts.Evidence(EvidenceKind.EPIDEMIOLOGY, 4))
                .withEvidence("e2", new NeedFacts.Evidence(EvidenceKind.DIALOGUE, 2)));
        needs.put("b", need("b", 2025, Set.of(KindOfEffort.CARE))
                .withEvidence("e3", new NeedFacts.Evidence(EvidenceKind.DIALOGUE, 3))
                .withEvidence("e4", new NeedFacts.Evidence(EvidenceKind.RESOURCE_DATA, 5)).withEvidence("e4", null));

        List<RegionMetrics.Figure> figures = RegionMetrics.of(needs, List.of(), List.of());

        assertThat(value(Metrics.EVIDENCE_QUALITY, "2025", figures)).isEqualByComparingTo("3");
        assertThat(figure(Metrics.EVIDENCE_QUALITY.code(), "2025", figures).items()).isEqualTo(3);
        assertThat(value(Metrics.POPULATION_EVIDENCE_SHARE, "2025", figures)).isEqualByComparingTo("0.5");
    }

    @Test
    void the_care_need_share_counts_only_assessed_needs_and_the_relative_gap_only_needs_with_a_target() {
        needs.put("a", need("a", 2025, Set.of(KindOfEffort.CARE)).assessed(true, Grade.HIGH)
                .withGap(new HealthGap(new BigDecimal("4"), new BigDecimal("0.2"))));
        needs.put("b", need("b", 2025, Set.of(KindOfEffort.CARE)).assessed(false, Grade.LOW)
                .withGap(new HealthGap(new BigDecimal("8"), new BigDecimal("0.4"))));
        need("c", 2025, Set.of(KindOfEffort.CARE));

        List<RegionMetrics.Figure> figures = RegionMetrics.of(needs, List.of(), List.of());

        assertThat(value(Metrics.CARE_NEED_SHARE, "2025", figures)).isEqualByComparingTo("0.5");
        assertThat(figure(Metrics.CARE_NEED_SHARE.code(), "2025", figures).items()).isEqualTo(2);
        assertThat(value(Metrics.MEAN_RELATIVE_GAP, "2025", figures)).isEqualByComparingTo("0.3");
    }

    /** Two groups of the need's indicator (lower is better): the best and the worst value, each with its count. */
    private static HealthInequity byEducation(String best, long bestCount, String worst, long worstCount) {
        return new HealthInequity(EquityDimension.EDUCATION, List.of(
                new PopulationGroup("Eftergymnasial utbildning", new BigDecimal(best), bestCount),
                new PopulationGroup("Förgymnasial utbildning", new BigDecimal(worst), worstCount)));
    }

    @Test
    void the_equity_breakdown_share_counts_the_years_needs_and_the_gap_between_groups_is_their_median() {
        needs.put("a", need("a", 2025, Set.of(KindOfEffort.CARE)).withInequity(byEducation("10", 400, "15", 300)));
        needs.put("b", need("b", 2025, Set.of(KindOfEffort.CARE)).withInequity(byEducation("10", 400, "20", 300)));
        needs.put("c", need("c", 2025, Set.of(KindOfEffort.CARE)).withInequity(byEducation("10", 400, "30", 300)));
        need("d", 2025, Set.of(KindOfEffort.CARE));

        List<RegionMetrics.Figure> figures = RegionMetrics.of(needs, List.of(), List.of(), 5);

        assertThat(value(Metrics.EQUITY_BREAKDOWN_SHARE, "2025", figures)).isEqualByComparingTo("0.75");
        assertThat(figure(Metrics.EQUITY_BREAKDOWN_SHARE.code(), "2025", figures).items()).isEqualTo(4);
        // Relative gaps 0.5, 1 and 2: the median is 1, behind three needs.
        assertThat(value(Metrics.MEDIAN_RELATIVE_GROUP_GAP, "2025", figures)).isEqualByComparingTo("1");
        assertThat(figure(Metrics.MEDIAN_RELATIVE_GROUP_GAP.code(), "2025", figures).items()).isEqualTo(3);
    }

    @Test
    void a_group_of_fewer_than_k_people_is_left_out_of_the_gap_so_its_value_cannot_be_read_back() {
        HealthInequity withASmallGroup = new HealthInequity(EquityDimension.COUNTRY_OF_BIRTH, List.of(
                new PopulationGroup("Född i Sverige", new BigDecimal("10"), 900),
                new PopulationGroup("Född i övriga Norden", new BigDecimal("12"), 80),
                new PopulationGroup("Född utanför Europa", new BigDecimal("40"), 4)));
        needs.put("a", need("a", 2025, Set.of(KindOfEffort.CARE)).withInequity(withASmallGroup));
        needs.put("b", need("b", 2025, Set.of(KindOfEffort.CARE)).withInequity(byEducation("10", 900, "25", 3)));

        List<RegionMetrics.Figure> figures = RegionMetrics.of(needs, List.of(), List.of(), 5);

        // Need a counts by its two groups of at least five people (12 against 10); need b keeps one such group and counts not at all.
        assertThat(value(Metrics.MEDIAN_RELATIVE_GROUP_GAP, "2025", figures)).isEqualByComparingTo("0.2");
        assertThat(figure(Metrics.MEDIAN_RELATIVE_GROUP_GAP.code(), "2025", figures).items()).isEqualTo(1);
        assertThat(value(Metrics.EQUITY_BREAKDOWN_SHARE, "2025", figures)).isEqualByComparingTo("1");
    }

    @Test
    void a_decided_round_gives_days_to_decision_top_ten_share_deviations_versions_and_icke_gora() {
        needs.put("severe", need("severe", 2025, Set.of(KindOfEffort.TREATMENT)).assessed(true, Grade.VERY_HIGH));
        needs.put("mild", need("mild", 2025, Set.of(KindOfEffort.PREVENTIVE)).assessed(true, Grade.LOW));
        needs.put("moderate", need("moderate", 2025, Set.of(KindOfEffort.HEALTH_PROMOTING)).assessed(true, Grade.MODERATE));
        needs.put("left", need("left", 2025, Set.of(KindOfEffort.CARE)).assessed(true, Grade.LOW));
        RoundFacts round = RoundFacts.opened(REGION, 2025)
                .ranked(1, List.of(new RoundFacts.Place("severe", false)))
                .ranked(3, List.of(new RoundFacts.Place("mild", true), new RoundFacts.Place("severe", false),
                        new RoundFacts.Place("moderate", false)))
                .decided(PROPOSED.plus(Duration.ofDays(40)), List.of("left"));

        List<RegionMetrics.Figure> figures = RegionMetrics.of(needs, List.of(round), List.of());

        assertThat(value(Metrics.DAYS_TO_DECISION, "2025", figures)).isEqualByComparingTo("40");
        assertThat(figure(Metrics.DAYS_TO_DECISION.code(), "2025", figures).items()).isEqualTo(4);
        assertThat(value(Metrics.PREVENTIVE_IN_TOP_TEN, "2025", figures)).isEqualByComparingTo(new BigDecimal(2).divide(new BigDecimal(3), java.math.MathContext.DECIMAL64));
        // "mild" above "severe" is a deviation with a rationale; nothing else stands above a more severe need.
        assertThat(value(Metrics.JUSTIFIED_DEVIATIONS, "2025", figures)).isEqualByComparingTo("1");
        assertThat(figure(Metrics.JUSTIFIED_DEVIATIONS.code(), "2025", figures).items()).isEqualTo(1);
        assertThat(value(Metrics.RANKING_VERSIONS, "2025", figures)).isEqualByComparingTo("3");
        assertThat(value(Metrics.NOT_PRIORITISED_SHARE, "2025", figures)).isEqualByComparingTo("0.25");
    }

    @Test
    void a_reopened_round_counts_as_undecided_until_it_is_decided_again() {
        need("a", 2025, Set.of(KindOfEffort.CARE));
        RoundFacts reopened = RoundFacts.opened(REGION, 2025).ranked(1, List.of(new RoundFacts.Place("a", false)))
                .decided(PROPOSED, List.of()).reopened();

        List<RegionMetrics.Figure> figures = RegionMetrics.of(needs, List.of(reopened), List.of());

        assertThat(figure(Metrics.RANKING_VERSIONS.code(), "2025", figures).items()).isZero();
    }

    @Test
    void commissions_count_once_issued_for_their_rounds_year() {
        CommissionFacts thorough = CommissionFacts.drafted(REGION, terms(true, true, Set.of(KindOfEffort.PREVENTIVE))).issued(false);
        CommissionFacts thin = CommissionFacts.drafted(REGION, terms(false, false, Set.of(KindOfEffort.TREATMENT))).issued(true);
        CommissionFacts draft = CommissionFacts.drafted(REGION, terms(true, true, Set.of(KindOfEffort.PREVENTIVE)));

        List<RegionMetrics.Figure> figures = RegionMetrics.of(needs, List.of(), List.of(thorough, thin, draft));

        assertThat(figure(Metrics.EVERY_GOAL_FOLLOWED_UP.code(), "2025", figures).items()).isEqualTo(2);
        assertThat(value(Metrics.EVERY_GOAL_FOLLOWED_UP, "2025", figures)).isEqualByComparingTo("0.5");
        assertThat(value(Metrics.POPULATION_PERSPECTIVE, "2025", figures)).isEqualByComparingTo("0.5");
        assertThat(value(Metrics.ACTIVE_PAYMENT, "2025", figures)).isEqualByComparingTo("0.5");
        assertThat(value(Metrics.PREVENTIVE_COMMISSIONS, "2025", figures)).isEqualByComparingTo("0.5");
        assertThat(value(Metrics.ISSUED_WITH_WARNINGS, "2025", figures)).isEqualByComparingTo("1");
        // three indicators in all, one at effect level
        assertThat(value(Metrics.EFFECT_LEVEL_SHARE, "2025", figures)).isEqualByComparingTo(new BigDecimal(1).divide(new BigDecimal(3), java.math.MathContext.DECIMAL64));
    }

    @Test
    void goal_fulfilment_per_level_takes_each_indicators_latest_period_of_the_year_and_a_correction_replaces() {
        CommissionFacts commission = CommissionFacts.drafted(REGION, terms(true, true, Set.of(KindOfEffort.PREVENTIVE))).issued(false)
                .outcome("effect", "2025-Q1", BigDecimal.TEN, new BigDecimal("0.2"))
                .outcome("effect", "2025-Q3", BigDecimal.TEN, new BigDecimal("0.9"))
                .outcome("effect", "2025-Q3", BigDecimal.TEN, new BigDecimal("0.6"))
                .outcome("activity", "2025-Q2", BigDecimal.TEN, new BigDecimal("1.0"))
                .outcome("effect", "2026-Q1", BigDecimal.TEN, new BigDecimal("0.7"));

        List<RegionMetrics.Figure> figures = RegionMetrics.of(needs, List.of(), List.of(commission));

        assertThat(value(Metrics.GOAL_FULFILMENT.get(FollowUpLevel.EFFECT), "2025", figures)).isEqualByComparingTo("0.6");
        assertThat(value(Metrics.GOAL_FULFILMENT.get(FollowUpLevel.ACTIVITY), "2025", figures)).isEqualByComparingTo("1.0");
        assertThat(value(Metrics.GOAL_FULFILMENT.get(FollowUpLevel.EFFECT), "2026", figures)).isEqualByComparingTo("0.7");
        assertThat(figure(Metrics.GOAL_FULFILMENT.get(FollowUpLevel.PROCESS).code(), "2025", figures).items()).isZero();
    }

    @Test
    void a_gap_closes_relative_to_the_gap_when_the_target_was_set_once_a_later_period_is_described() {
        NeedFacts need = need("a", 2024, Set.of(KindOfEffort.PREVENTIVE))
                .withGap(new HealthGap(new BigDecimal("10"), new BigDecimal("0.5")));
        assertThat(need.gapClosure()).as("no later data yet").isNull();
        needs.put("a", need.revised(Set.of(KindOfEffort.PREVENTIVE), indicator("2025", "16", null), new NeedGroup("Grupp", 1000),
                new HealthGap(new BigDecimal("6"), new BigDecimal("0.375"))));

        List<RegionMetrics.Figure> figures = RegionMetrics.of(needs, List.of(), List.of());

        assertThat(value(Metrics.GAP_CLOSURE, "2025", figures)).isEqualByComparingTo("0.4");
    }

    @Test
    void a_catalogue_indicator_is_compared_per_period_by_the_widest_population_measuring_it() {
        needs.put("small", NeedFacts.proposed("small", REGION, 2025, PROPOSED, Set.of(KindOfEffort.CARE),
                indicator("2024", "9.5", "child-obesity"), new NeedGroup("En kommun", 800)));
        needs.put("wide", NeedFacts.proposed("wide", REGION, 2025, PROPOSED, Set.of(KindOfEffort.CARE),
                indicator("2024", "8.1", "child-obesity"), new NeedGroup("Hela regionen", 40000)));

        List<RegionMetrics.Figure> figures = RegionMetrics.of(needs, List.of(), List.of());

        RegionMetrics.Figure obesity = figure(Metrics.indicatorCode("child-obesity"), "2024", figures);
        assertThat(obesity.value()).isEqualByComparingTo("8.1");
        assertThat(obesity.items()).isEqualTo(40000);
    }

    @Test
    void a_population_level_follow_up_indicator_linked_to_the_catalogue_is_compared_per_quarter_behind_its_need_group() {
        needs.put("obesity", NeedFacts.proposed("obesity", REGION, 2025, PROPOSED, Set.of(KindOfEffort.PREVENTIVE),
                indicator("2024", "12", null), new NeedGroup("Barn 6–12 år", 30000)));
        CommissionTerms linked = new CommissionTerms(PriorityRoundId.of("halland-2025"), Set.of(se.nduh.kernel.need.NeedId.of("obesity")),
                Provider.of("Vårdgivare"), "Uppdrag", Set.of(KindOfEffort.PREVENTIVE), List.of(), LocalDate.of(2025, 1, 1),
                LocalDate.of(2027, 12, 31),
                List.of(new FollowUpIndicator(EFFECT, "Andel barn med fetma", FollowUpLevel.EFFECT, Perspective.POPULATION,
                        Frequency.QUARTER, null, "child-obesity")),
                new PaymentModel(PaymentModel.Kind.PASSIVE, BigDecimal.TEN, null, Set.of()), Set.of(), null);
        CommissionFacts commission = CommissionFacts.drafted(REGION, linked).issued(false)
                .outcome("effect", "2025-Q2", new BigDecimal("11.4"), null)
                .outcome("effect", "2025-Q2", new BigDecimal("11.2"), null);

        List<RegionMetrics.Figure> figures = RegionMetrics.of(needs, List.of(), List.of(commission));

        RegionMetrics.Figure quarter = figure(Metrics.indicatorCode("child-obesity"), "2025-Q2", figures);
        assertThat(quarter.value()).as("the correction stands").isEqualByComparingTo("11.2");
        assertThat(quarter.items()).isEqualTo(30000);
    }

    private static CommissionTerms terms(boolean thorough, boolean active, Set<KindOfEffort> kinds) {
        List<Goal> goals = List.of(new Goal(FIRST_GOAL, "Andel", BigDecimal.ONE, BigDecimal.TEN, LocalDate.of(2027, 12, 31)),
                new Goal(SECOND_GOAL, "Andel", BigDecimal.ONE, BigDecimal.TEN, LocalDate.of(2027, 12, 31)));
        List<FollowUpIndicator> plan = thorough
                ? List.of(new FollowUpIndicator(ACTIVITY, "Besök", FollowUpLevel.ACTIVITY, Perspective.OPERATIONAL, Frequency.MONTH, FIRST_GOAL, null),
                        new FollowUpIndicator(EFFECT, "Andel", FollowUpLevel.EFFECT, Perspective.POPULATION, Frequency.QUARTER, SECOND_GOAL, null))
                : List.of(new FollowUpIndicator(ACTIVITY, "Besök", FollowUpLevel.ACTIVITY, Perspective.OPERATIONAL, Frequency.MONTH, FIRST_GOAL, null));
        PaymentModel payment = active ? new PaymentModel(PaymentModel.Kind.ACTIVE, BigDecimal.TEN, new BigDecimal("0.2"), Set.of(FIRST_GOAL))
                : new PaymentModel(PaymentModel.Kind.PASSIVE, BigDecimal.TEN, null, Set.of());
        return new CommissionTerms(PriorityRoundId.of("halland-2025"), Set.of(), Provider.of("Vårdgivare"), "Uppdrag", kinds, goals,
                LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31), plan, payment, Set.of(), null);
    }
}

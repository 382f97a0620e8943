package se.nduh.command.priority;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.nduh.command.need.api.NeedStanding;
import se.nduh.command.need.api.NeedStandings;
import se.nduh.infrastructure.eventstore.KernelCommandTargetResolver;
import se.nduh.kernel.need.Grade;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.priority.Allocation;
import se.nduh.kernel.priority.DecidePriorities;
import se.nduh.kernel.priority.EthicalPrinciple;
import se.nduh.kernel.priority.NotPrioritised;
import se.nduh.kernel.priority.OpenPriorityRound;
import se.nduh.kernel.priority.PrioritiesDecided;
import se.nduh.kernel.priority.PrioritiesRanked;
import se.nduh.kernel.priority.PriorityRoundId;
import se.nduh.kernel.priority.PriorityRoundOpened;
import se.nduh.kernel.priority.PriorityRoundReopened;
import se.nduh.kernel.priority.RankPriorities;
import se.nduh.kernel.priority.RankedNeed;
import se.nduh.kernel.priority.RankingCriterion;
import se.nduh.kernel.priority.ReopenPriorityRound;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.rule.Rule;
import se.nduh.kernel.rule.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static se.nduh.command.testing.RuleMatchers.violates;

/** The rules of a priority round, as the elected officials meet them. */
class PriorityRoundTest {

    private static final RegionCode HALLAND = RegionCode.of("halland");
    private static final RegionCode SKANE = RegionCode.of("skane");
    private static final PriorityRoundId ROUND = PriorityRoundId.of(HALLAND, 2026);
    private static final NeedId STROKE = NeedId.of("need-stroke");
    private static final NeedId DEPRESSION = NeedId.of("need-depression");
    private static final NeedId OBESITY = NeedId.of("need-obesity");
    private static final NeedId NOT_CARE = NeedId.of("need-life-expectancy");
    private static final NeedId UNASSESSED = NeedId.of("need-unassessed");
    private static final NeedId SKANE_NEED = NeedId.of("need-skane");

    private final Map<NeedId, NeedStanding> standings = new LinkedHashMap<>();
    private AggregateTestFixture<PriorityRound> fixture;

    @BeforeEach
    void setUp() {
        standing(STROKE, HALLAND, true, true, Grade.VERY_HIGH);
        standing(DEPRESSION, HALLAND, true, true, Grade.HIGH);
        standing(OBESITY, HALLAND, true, true, Grade.MODERATE);
        standing(NOT_CARE, HALLAND, true, false, Grade.HIGH);
        standing(UNASSESSED, HALLAND, false, false, null);
        standing(SKANE_NEED, SKANE, true, true, Grade.HIGH);
        fixture = new AggregateTestFixture<>(PriorityRound.class);
        fixture.registerCommandTargetResolver(new KernelCommandTargetResolver());
        fixture.registerAnnotatedCommandHandler(new PriorityRoundCommands(fixture.getRepository(), new InMemoryStandings()));
    }

    @Test
    void elected_officials_open_the_regions_round_for_a_budget_year() {
        fixture.givenNoPriorActivity()
                .when(new OpenPriorityRound(ROUND, HALLAND, 2026))
                .expectEvents(new PriorityRoundOpened(ROUND, HALLAND, 2026));
    }

    @Test
    void a_region_has_at_most_one_round_per_year() {
        fixture.given(opened())
                .when(new OpenPriorityRound(ROUND, HALLAND, 2026))
                .expectException(violates(Rule.PriorityRoundAlreadyOpen))
                .expectNoEvents();
    }

    @Test
    void a_ranking_is_stored_as_a_version_and_the_same_ranking_again_changes_nothing() {
        List<RankedNeed> ranking = List.of(place(STROKE, 1), place(DEPRESSION, 2), place(OBESITY, 2));
        fixture.given(opened())
                .when(rank(ranking))
                .expectEvents(new PrioritiesRanked(ROUND, HALLAND, 1, ranking))
                .expectResultMessagePayload(1L);
        fixture.given(opened(), new PrioritiesRanked(ROUND, HALLAND, 1, ranking))
                .when(rank(ranking))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void every_rerank_is_a_new_version() {
        fixture.given(opened(), new PrioritiesRanked(ROUND, HALLAND, 1, List.of(place(STROKE, 1))))
                .when(rank(List.of(place(STROKE, 1), place(DEPRESSION, 3))))
                .expectEvents(new PrioritiesRanked(ROUND, HALLAND, 2, List.of(place(STROKE, 1), place(DEPRESSION, 3))))
                .expectResultMessagePayload(2L);
    }

    @Test
    void an_elected_official_cannot_rank_a_need_that_is_not_a_care_need() {
        expectRankingRefused(List.of(place(STROKE, 1), place(NOT_CARE, 2)),
                violates(Rule.RankingNeedNotAssessedCareNeed, "ranking[1].needId"));
    }

    @Test
    void an_unassessed_need_cannot_be_ranked() {
        expectRankingRefused(List.of(place(UNASSESSED, 1)), violates(Rule.RankingNeedNotAssessedCareNeed));
    }

    @Test
    void only_the_regions_own_needs_are_ranked() {
        expectRankingRefused(List.of(place(SKANE_NEED, 1)), violates(Rule.RankingNeedOfAnotherRegion));
    }

    @Test
    void a_ranking_lists_at_least_one_need() {
        expectRankingRefused(List.of(), violates(Rule.EmptyRanking));
    }

    @Test
    void each_need_appears_once() {
        expectRankingRefused(List.of(place(STROKE, 1), place(STROKE, 2)), violates(Rule.NeedRankedTwice, "ranking[1].needId"));
    }

    @Test
    void levels_run_from_1_to_10_and_never_decrease() {
        expectRankingRefused(List.of(place(STROKE, 11)), violates(Rule.PriorityLevelOutOfRange, "ranking[0].priorityLevel"));
        expectRankingRefused(List.of(place(STROKE, 0)), violates(Rule.PriorityLevelOutOfRange, "ranking[0].priorityLevel"));
        fixture.given(opened())
                .when(rank(List.of(place(STROKE, 10))))
                .expectEvents(new PrioritiesRanked(ROUND, HALLAND, 1, List.of(place(STROKE, 10))));
        expectRankingRefused(List.of(place(STROKE, 2), place(DEPRESSION, 1)),
                violates(Rule.PriorityLevelsDecrease, "ranking[1].priorityLevel"));
    }

    @Test
    void every_place_has_a_rationale_citing_a_principle_and_a_criterion() {
        expectRankingRefused(List.of(new RankedNeed(STROKE, 1, " ", Set.of(EthicalPrinciple.NEED_SOLIDARITY),
                Set.of(RankingCriterion.SEVERITY), null)), violates(Rule.RankingWithoutRationale));
        expectRankingRefused(List.of(new RankedNeed(STROKE, 1, "Svårast", Set.of(), Set.of(RankingCriterion.SEVERITY), null)),
                violates(Rule.RankingWithoutRationale));
        expectRankingRefused(List.of(new RankedNeed(STROKE, 1, "Svårast", Set.of(EthicalPrinciple.NEED_SOLIDARITY), Set.of(), null)),
                violates(Rule.RankingWithoutRationale));
    }

    @Test
    void a_less_severe_need_above_a_more_severe_one_needs_a_rationale_for_the_deviation() {
        expectRankingRefused(List.of(place(OBESITY, 1), place(STROKE, 2)),
                violates(Rule.SeverityDeviationWithoutRationale, "ranking[0].deviationRationale"));
        List<RankedNeed> withRationale = List.of(
                new RankedNeed(OBESITY, 1, "Förebyggande med stor hälsovinst", Set.of(EthicalPrinciple.COST_EFFECTIVENESS),
                        Set.of(RankingCriterion.BENEFIT), "Strokevården är redan väl utbyggd; fetmainsatsen ger större nytta"),
                place(STROKE, 2));
        fixture.given(opened())
                .when(rank(withRationale))
                .expectEvents(new PrioritiesRanked(ROUND, HALLAND, 1, withRationale));
    }

    @Test
    void a_decision_accounts_for_every_assessed_care_need() {
        // OBESITY is assessed as a care need but neither ranked nor marked icke-göra.
        fixture.given(opened(), ranked())
                .when(decide(List.of(), List.of()))
                .expectException(violates(Rule.RankingOmitsAssessedNeed))
                .expectNoEvents();
    }

    @Test
    void a_need_marked_not_prioritised_with_a_reason_is_accounted_for() {
        List<NotPrioritised> ickeGora = List.of(new NotPrioritised(OBESITY, "Hanteras inom folkhälsoprogrammet"));
        List<Allocation> allocations = List.of(new Allocation(STROKE, new BigDecimal("12000000")));
        fixture.given(opened(), ranked())
                .when(decide(allocations, ickeGora))
                .expectEvents(new PrioritiesDecided(ROUND, HALLAND, 1, "Regionfullmäktige", LocalDate.of(2025, 11, 25),
                        "RF 2025-11-25 §12", allocations, ickeGora))
                .expectResultMessagePayload(2L);
    }

    @Test
    void the_icke_gora_list_names_only_the_regions_own_assessed_care_needs_left_out_of_the_ranking() {
        for (NeedId notOpen : List.of(NeedId.of("made-up"), SKANE_NEED, NOT_CARE, UNASSESSED, STROKE)) {
            fixture.given(opened(), ranked())
                    .when(decide(List.of(), List.of(new NotPrioritised(OBESITY, "Folkhälsoprogrammet"), new NotPrioritised(notOpen, "x"))))
                    .expectException(violates(Rule.NotPrioritisedNeedNotOpen, "notPrioritised[1].needId"))
                    .expectNoEvents();
        }
    }

    @Test
    void resources_go_only_to_ranked_needs() {
        fixture.given(opened(), ranked())
                .when(decide(List.of(new Allocation(OBESITY, BigDecimal.TEN)), List.of(new NotPrioritised(OBESITY, "x"))))
                .expectException(violates(Rule.AllocationToUnrankedNeed))
                .expectNoEvents();
    }

    @Test
    void nothing_ranked_cannot_be_decided() {
        fixture.given(opened())
                .when(decide(List.of(), List.of()))
                .expectException(violates(Rule.NothingRanked));
    }

    @Test
    void a_decided_round_is_reopened_with_a_reason_before_it_is_ranked_again() {
        fixture.given(opened(), ranked(), decided())
                .when(rank(List.of(place(STROKE, 1))))
                .expectException(violates(Rule.PriorityRoundNotOpen));
        fixture.given(opened(), ranked(), decided())
                .when(new ReopenPriorityRound(ROUND, HALLAND, "Nytt budgetläge", null))
                .expectEvents(new PriorityRoundReopened(ROUND, HALLAND, "Nytt budgetläge"))
                .expectResultMessagePayload(3L);
        fixture.given(opened(), ranked())
                .when(new ReopenPriorityRound(ROUND, HALLAND, "x", null))
                .expectException(violates(Rule.PriorityRoundNotDecided));
    }

    @Test
    void a_decided_round_is_not_decided_again() {
        fixture.given(opened(), ranked(), decided())
                .when(decide(List.of(), List.of(new NotPrioritised(OBESITY, "Folkhälsoprogrammet"))))
                .expectException(violates(Rule.PriorityRoundNotOpen))
                .expectNoEvents();
    }

    @Test
    void a_round_is_only_reached_through_its_own_regions_path() {
        fixture.given(opened(), ranked(), decided())
                .when(new ReopenPriorityRound(ROUND, SKANE, "x", null))
                .expectException(violates(Rule.PriorityRoundNotInRegion));
        fixture.given(opened())
                .when(new RankPriorities(ROUND, SKANE, List.of(place(STROKE, 1)), null))
                .expectException(violates(Rule.PriorityRoundNotInRegion))
                .expectNoEvents();
        fixture.given(opened(), ranked())
                .when(new DecidePriorities(ROUND, SKANE, "Regionfullmäktige", LocalDate.of(2025, 11, 25), "RF §12",
                        List.of(), List.of(new NotPrioritised(OBESITY, "Folkhälsoprogrammet")), null))
                .expectException(violates(Rule.PriorityRoundNotInRegion))
                .expectNoEvents();
    }

    private void expectRankingRefused(List<RankedNeed> ranking, Matcher<RuleViolation> refusal) {
        fixture.given(opened())
                .when(rank(ranking))
                .expectException(refusal)
                .expectNoEvents();
    }

    private static PriorityRoundOpened opened() {
        return new PriorityRoundOpened(ROUND, HALLAND, 2026);
    }

    private static PrioritiesRanked ranked() {
        return new PrioritiesRanked(ROUND, HALLAND, 1, List.of(place(STROKE, 1), place(DEPRESSION, 2)));
    }

    private static PrioritiesDecided decided() {
        return new PrioritiesDecided(ROUND, HALLAND, 1, "Regionfullmäktige", LocalDate.of(2025, 11, 25), "RF §12",
                List.of(), List.of(new NotPrioritised(OBESITY, "Folkhälsoprogrammet")));
    }

    private static RankPriorities rank(List<RankedNeed> ranking) {
        return new RankPriorities(ROUND, HALLAND, ranking, null);
    }

    private static DecidePriorities decide(List<Allocation> allocations, List<NotPrioritised> notPrioritised) {
        return new DecidePriorities(ROUND, HALLAND, "Regionfullmäktige", LocalDate.of(2025, 11, 25), "RF 2025-11-25 §12",
                allocations, notPrioritised, null);
    }

    private static RankedNeed place(NeedId need, int level) {
        return new RankedNeed(need, level, "Störst behov och svårighetsgrad", Set.of(EthicalPrinciple.NEED_SOLIDARITY),
                Set.of(RankingCriterion.SEVERITY), null);
    }

    private void standing(NeedId need, RegionCode region, boolean assessed, boolean careNeed, Grade severity) {
        standings.put(need, new NeedStanding(need, region, assessed, careNeed, severity, false));
    }

    /** The need feature's port, answered from the standings above. */
    private class InMemoryStandings implements NeedStandings {

        @Override
        public Map<NeedId, NeedStanding> of(Collection<NeedId> needs) {
            return needs.stream().filter(standings::containsKey).distinct()
                    .collect(Collectors.toMap(need -> need, standings::get));
        }

        @Override
        public List<NeedStanding> rankableNeedsOf(RegionCode region) {
            return standings.values().stream().filter(need -> need.region().equals(region) && need.rankable()).toList();
        }
    }
}

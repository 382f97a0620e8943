package se.nduh.kernel.priority;

import org.junit.jupiter.api.Test;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How each event changes a priority round, as both the aggregate and the audit replay see it. */
class PriorityRoundStateTest {

    private static final RegionCode HALLAND = RegionCode.of("halland");
    private static final PriorityRoundId ROUND = PriorityRoundId.of(HALLAND, 2027);
    private static final NeedId OBESITY = NeedId.of("need-obesity");
    private static final NeedId STROKE = NeedId.of("need-stroke");
    private static final NeedId DENTAL = NeedId.of("need-dental");

    @Test
    void an_opened_round_has_no_ranking_and_no_decision() {
        PriorityRoundState round = opened();

        assertThat(round.budgetYear()).isEqualTo(2027);
        assertThat(round.rankingVersion()).isZero();
        assertThat(round.ranking()).isEmpty();
        assertThat(round.decided()).isFalse();
        assertThat(round.decision()).isNull();
        assertThat(round.needs()).isEmpty();
    }

    @Test
    void each_ranking_replaces_the_current_one_with_its_version() {
        PriorityRoundState round = opened().with(ranked(1, OBESITY, STROKE)).with(ranked(2, STROKE, OBESITY));

        assertThat(round.rankingVersion()).isEqualTo(2);
        assertThat(round.ranking()).extracting(RankedNeed::needId).containsExactly(STROKE, OBESITY);
    }

    @Test
    void a_reopened_round_keeps_the_decision_it_reopened_and_says_why_until_decided_again() {
        PrioritiesDecided first = decided(1);
        PrioritiesDecided second = decided(2);

        PriorityRoundState reopened = opened().with(ranked(1, OBESITY)).with(first)
                .with(new PriorityRoundReopened(ROUND, HALLAND, "Ny statistik"));
        PriorityRoundState decidedAgain = reopened.with(ranked(2, STROKE, OBESITY)).with(second);

        assertThat(reopened.decided()).isFalse();
        assertThat(reopened.decision()).isEqualTo(first);
        assertThat(reopened.reopeningReason()).isEqualTo("Ny statistik");
        assertThat(decidedAgain.decided()).isTrue();
        assertThat(decidedAgain.decision()).isEqualTo(second);
        assertThat(decidedAgain.reopeningReason()).isNull();
    }

    @Test
    void the_round_speaks_of_its_ranked_needs_and_then_of_those_its_decision_left_out() {
        PriorityRoundState round = opened().with(ranked(1, STROKE, OBESITY)).with(decided(1));

        assertThat(round.needs()).containsExactly(STROKE, OBESITY, DENTAL);
    }

    @Test
    void evolving_by_an_untyped_event_is_the_same_as_by_its_own_method_and_other_events_change_nothing() {
        assertThat(opened().evolve(ranked(1, OBESITY))).isEqualTo(opened().with(ranked(1, OBESITY)));
        assertThat(opened().evolve("not an event of a round")).isEqualTo(opened());
    }

    private static PriorityRoundState opened() {
        return PriorityRoundState.opened(new PriorityRoundOpened(ROUND, HALLAND, 2027));
    }

    private static PrioritiesRanked ranked(int version, NeedId... needs) {
        return new PrioritiesRanked(ROUND, HALLAND, version, Arrays.stream(needs)
                .map(need -> new RankedNeed(need, 1, "Störst behov", Set.of(EthicalPrinciple.NEED_SOLIDARITY),
                        Set.of(RankingCriterion.SEVERITY), null))
                .toList());
    }

    private static PrioritiesDecided decided(int rankingVersion) {
        return new PrioritiesDecided(ROUND, HALLAND, rankingVersion, "Regionstyrelsen", LocalDate.of(2026, 11, 3), "RS §" + rankingVersion,
                List.of(new Allocation(STROKE, new BigDecimal("1000000"))), List.of(new NotPrioritised(DENTAL, "Andra aktörer")));
    }
}

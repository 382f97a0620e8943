package se.nduh.query.audit;

import org.junit.jupiter.api.Test;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.priority.EthicalPrinciple;
import se.nduh.kernel.priority.RankedNeed;
import se.nduh.kernel.priority.RankingCriterion;
import se.nduh.query.audit.RankingDiff.Change;
import se.nduh.query.audit.RankingDiff.NeedChange;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What an auditor is told changed between two versions of a ranking. */
class RankingDiffTest {

    private static final NeedId OBESITY = NeedId.of("need-obesity");
    private static final NeedId STROKE = NeedId.of("need-stroke");
    private static final NeedId DEPRESSION = NeedId.of("need-depression");
    private static final NeedId DENTAL = NeedId.of("need-dental");
    private static final Instant MONDAY = Instant.parse("2026-10-05T09:00:00Z");
    private static final Instant FRIDAY = Instant.parse("2026-10-09T15:00:00Z");

    @Test
    void a_need_added_on_top_moves_no_other_and_a_swap_moves_one_up_and_one_down() {
        RankingDiff diff = diff(List.of(place(OBESITY, 1), place(STROKE, 2), place(DEPRESSION, 3)),
                List.of(place(DENTAL, 1), place(OBESITY, 1), place(DEPRESSION, 3), place(STROKE, 3)));

        assertThat(diff.changes()).extracting(NeedChange::needId, NeedChange::changes).containsExactly(
                tuple(DENTAL, List.of(Change.ADDED)),
                tuple(DEPRESSION, List.of(Change.MOVED_UP)),
                tuple(STROKE, List.of(Change.MOVED_DOWN, Change.LEVEL_CHANGED)));
        NeedChange stroke = diff.changes().get(2);
        assertThat(stroke.placeBefore()).isEqualTo(2);
        assertThat(stroke.placeAfter()).isEqualTo(4);
        assertThat(stroke.before().priorityLevel()).isEqualTo(2);
        assertThat(stroke.after().priorityLevel()).isEqualTo(3);
        assertThat(diff.from()).isEqualTo(1);
        assertThat(diff.toRankedAt()).isEqualTo(FRIDAY);
    }

    @Test
    void a_removed_need_is_listed_with_its_old_place_and_an_unchanged_one_not_at_all() {
        RankingDiff diff = diff(List.of(place(OBESITY, 1), place(STROKE, 2)), List.of(place(OBESITY, 1)));

        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.needId()).isEqualTo(STROKE);
            assertThat(change.changes()).containsExactly(Change.REMOVED);
            assertThat(change.placeBefore()).isEqualTo(2);
            assertThat(change.placeAfter()).isNull();
            assertThat(change.after()).isNull();
        });
    }

    @Test
    void rationale_principles_criteria_and_deviation_changes_are_named_and_the_deviations_listed_with_their_justification() {
        RankedNeed before = place(STROKE, 1);
        RankedNeed after = new RankedNeed(STROKE, 1, "Stor nytta per krona", Set.of(EthicalPrinciple.COST_EFFECTIVENESS),
                Set.of(RankingCriterion.COST_EFFECTIVENESS), "Fetma är svårare men nyttan här är större");

        RankingDiff diff = diff(List.of(before, place(OBESITY, 2)), List.of(after, place(OBESITY, 2)));

        assertThat(diff.changes()).singleElement().extracting(NeedChange::changes).isEqualTo(List.of(Change.RATIONALE_CHANGED,
                Change.PRINCIPLES_CHANGED, Change.CRITERIA_CHANGED, Change.DEVIATION_CHANGED));
        assertThat(diff.deviations()).singleElement().satisfies(deviation -> {
            assertThat(deviation.needId()).isEqualTo(STROKE);
            assertThat(deviation.place()).isEqualTo(1);
            assertThat(deviation.justification()).isEqualTo("Fetma är svårare men nyttan här är större");
        });
    }

    private static RankingDiff diff(List<RankedNeed> before, List<RankedNeed> after) {
        return RankingDiff.between(new RankingDiff.Version(1, MONDAY, before), new RankingDiff.Version(2, FRIDAY, after));
    }

    private static RankedNeed place(NeedId need, int level) {
        return new RankedNeed(need, level, "Störst behov", Set.of(EthicalPrinciple.NEED_SOLIDARITY), Set.of(RankingCriterion.SEVERITY), null);
    }
}

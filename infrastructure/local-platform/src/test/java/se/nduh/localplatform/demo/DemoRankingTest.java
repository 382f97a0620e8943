package se.nduh.localplatform.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's rankings keep the round's rules (as {@code PriorityRound} checks them: levels 1–10 never decreasing, a
 * rationale with principles and criteria everywhere, a deviation rationale where a need stands above a more severe
 * one), and a reconsidered ranking differs from the decided one in the ways the audit's diff names.
 */
class DemoRankingTest {

    private static final DemoRanking.Need SEVERE = new DemoRanking.Need("n-severe", "VERY_HIGH");
    private static final DemoRanking.Need SERIOUS = new DemoRanking.Need("n-serious", "HIGH");
    private static final DemoRanking.Need MODERATE = new DemoRanking.Need("n-moderate", "MODERATE");
    private static final DemoRanking.Need MILD = new DemoRanking.Need("n-mild", "LOW");

    @Test
    void a_need_placed_above_a_more_severe_one_says_why_and_cites_cost_effectiveness() {
        JsonNode ranking = DemoRanking.twoToALevel(List.of(SERIOUS, SEVERE, MODERATE)).toRequest().get("ranking");

        assertThat(ranking.get(0).path("deviationRationale").asText()).isEqualTo(DemoRanking.DEVIATION);
        assertThat(ranking.get(0).get("principles")).extracting(JsonNode::asText).contains("COST_EFFECTIVENESS");
        assertThat(ranking.get(1).has("deviationRationale")).isFalse();
        assertThat(ranking.get(2).has("deviationRationale")).isFalse();
        assertThat(ranking).extracting(place -> place.get("priorityLevel").asInt()).containsExactly(1, 1, 2);
    }

    @Test
    void the_reconsidered_ranking_moves_the_last_need_up_with_a_new_rationale_and_redraws_the_levels() {
        DemoRanking decided = DemoRanking.twoToALevel(List.of(SEVERE, SERIOUS, MODERATE, MILD));
        DemoRanking reconsidered = decided.reconsidered();

        assertThat(reconsidered.needIds()).containsExactly("n-severe", "n-serious", "n-mild", "n-moderate");
        assertThat(reconsidered.places()).extracting(DemoRanking.Ranked::level).containsExactly(1, 2, 2, 3);
        assertThat(reconsidered.places().get(2).rationale()).isEqualTo(DemoRanking.RECONSIDERED_RATIONALE);
        assertThat(reconsidered.deviates(2)).as("the mild need now stands above a moderate one").isTrue();
        assertThat(reconsidered.toRequest()).isNotEqualTo(decided.toRequest());
    }

    @Test
    void a_single_need_reconsidered_keeps_its_place_and_changes_its_rationale() {
        DemoRanking reconsidered = DemoRanking.twoToALevel(List.of(SEVERE)).reconsidered();

        assertThat(reconsidered.places()).containsExactly(
                new DemoRanking.Ranked("n-severe", "VERY_HIGH", 1, DemoRanking.RECONSIDERED_RATIONALE));
    }

    @Test
    void every_ranking_the_demo_makes_keeps_the_rules_whatever_the_needs() {
        Random random = new Random(13);
        for (int round = 0; round < 2_000; round++) {
            List<DemoRanking.Need> needs = new ArrayList<>();
            int count = 1 + random.nextInt(14);
            for (int i = 0; i < count; i++) {
                needs.add(new DemoRanking.Need("n-" + i, DemoRanking.SEVERITIES.get(random.nextInt(4))));
            }
            for (DemoRanking ranking : List.of(DemoRanking.oneLevelEach(needs), DemoRanking.twoToALevel(needs),
                    DemoRanking.twoToALevel(needs).reconsidered())) {
                assertKeepsTheRules(ranking, needs);
            }
        }
    }

    /** The checks of {@code PriorityRound.requireValidRanking}, on the request body the demo sends. */
    private static void assertKeepsTheRules(DemoRanking ranking, List<DemoRanking.Need> needs) {
        Map<String, Integer> severity = new HashMap<>();
        needs.forEach(need -> severity.put(need.needId(), DemoRanking.SEVERITIES.indexOf(need.severity())));
        JsonNode places = ranking.toRequest().get("ranking");
        assertThat(places).extracting(place -> place.get("needId").asText()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(severity.keySet());
        int previousLevel = 1;
        for (int i = 0; i < places.size(); i++) {
            JsonNode place = places.get(i);
            int level = place.get("priorityLevel").asInt();
            assertThat(level).isBetween(previousLevel, 10);
            assertThat(place.get("rationale").asText()).isNotBlank();
            assertThat(place.get("principles")).isNotEmpty();
            assertThat(place.get("criteria")).isNotEmpty();
            int own = severity.get(place.get("needId").asText());
            boolean aboveMoreSevere = false;
            for (int below = i + 1; below < places.size(); below++) {
                aboveMoreSevere |= severity.get(places.get(below).get("needId").asText()) < own;
            }
            assertThat(place.has("deviationRationale")).as("a deviation rationale exactly where needed").isEqualTo(aboveMoreSevere);
            previousLevel = level;
        }
    }
}

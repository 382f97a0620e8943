package se.nduh.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.priority.RankedNeed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What changed between two versions of a round's ranking; needs that did not change are left out. */
@Schema(description = "What changed between two ranking versions: each need that changed, and the deviations from the ethical order")
record RankingDiff(int from, Instant fromRankedAt, int to, Instant toRankedAt, List<NeedChange> changes,
                   @Schema(description = "The needs the later version places above a more severe need, with the justification")
                   List<Deviation> deviations) {

    enum Change { ADDED, REMOVED, MOVED_UP, MOVED_DOWN, LEVEL_CHANGED, RATIONALE_CHANGED, PRINCIPLES_CHANGED, CRITERIA_CHANGED, DEVIATION_CHANGED }

    /** One version of the ranking and when it was made. */
    record Version(int version, Instant rankedAt, List<RankedNeed> ranking) {
    }

    @Schema(description = "A need that changed: its place (1 first) and its entry in each version, null where it is absent")
    record NeedChange(NeedId needId, List<Change> changes, Integer placeBefore, Integer placeAfter, RankedNeed before,
                      RankedNeed after) {
    }

    record Deviation(NeedId needId, int place, int priorityLevel, String justification) {
    }

    /**
     * Moving up or down is judged among the needs in both versions, so a need added above the others or one removed
     * does not make every need below it count as moved.
     */
    static RankingDiff between(Version before, Version after) {
        Map<NeedId, RankedNeed> earlier = byNeed(before.ranking());
        Map<NeedId, RankedNeed> later = byNeed(after.ranking());
        Map<NeedId, Integer> orderBefore = orderOfKept(before.ranking(), later);
        Map<NeedId, Integer> orderAfter = orderOfKept(after.ranking(), earlier);
        Map<NeedId, Integer> placesBefore = places(before.ranking());
        List<NeedChange> changes = new ArrayList<>();
        for (int place = 0; place < after.ranking().size(); place++) {
            RankedNeed now = after.ranking().get(place);
            RankedNeed then = earlier.get(now.needId());
            List<Change> kinds = then == null ? List.of(Change.ADDED)
                    : changes(then, now, orderBefore.get(now.needId()), orderAfter.get(now.needId()));
            if (!kinds.isEmpty()) {
                changes.add(new NeedChange(now.needId(), kinds, placesBefore.get(now.needId()), place + 1, then, now));
            }
        }
        for (int place = 0; place < before.ranking().size(); place++) {
            RankedNeed then = before.ranking().get(place);
            if (!later.containsKey(then.needId())) {
                changes.add(new NeedChange(then.needId(), List.of(Change.REMOVED), place + 1, null, then, null));
            }
        }
        List<Deviation> deviations = new ArrayList<>();
        for (int place = 0; place < after.ranking().size(); place++) {
            RankedNeed now = after.ranking().get(place);
            if (now.deviationRationale() != null && !now.deviationRationale().isBlank()) {
                deviations.add(new Deviation(now.needId(), place + 1, now.priorityLevel(), now.deviationRationale()));
            }
        }
        return new RankingDiff(before.version(), before.rankedAt(), after.version(), after.rankedAt(), changes, deviations);
    }

    private static List<Change> changes(RankedNeed then, RankedNeed now, int orderBefore, int orderAfter) {
        List<Change> kinds = new ArrayList<>();
        if (orderAfter != orderBefore) {
            kinds.add(orderAfter < orderBefore ? Change.MOVED_UP : Change.MOVED_DOWN);
        }
        if (then.priorityLevel() != now.priorityLevel()) {
            kinds.add(Change.LEVEL_CHANGED);
        }
        if (!Objects.equals(then.rationale(), now.rationale())) {
            kinds.add(Change.RATIONALE_CHANGED);
        }
        if (!then.principles().equals(now.principles())) {
            kinds.add(Change.PRINCIPLES_CHANGED);
        }
        if (!then.criteria().equals(now.criteria())) {
            kinds.add(Change.CRITERIA_CHANGED);
        }
        if (!Objects.equals(then.deviationRationale(), now.deviationRationale())) {
            kinds.add(Change.DEVIATION_CHANGED);
        }
        return kinds;
    }

    private static Map<NeedId, RankedNeed> byNeed(List<RankedNeed> ranking) {
        return ranking.stream().collect(Collectors.toMap(RankedNeed::needId, Function.identity()));
    }

    /** Each need's index among those of the ranking that the other version also has. */
    private static Map<NeedId, Integer> orderOfKept(List<RankedNeed> ranking, Map<NeedId, RankedNeed> other) {
        Map<NeedId, Integer> order = new HashMap<>();
        ranking.stream().map(RankedNeed::needId).filter(other::containsKey).forEach(need -> order.put(need, order.size()));
        return order;
    }

    /** Each need's place, 1 first. */
    private static Map<NeedId, Integer> places(List<RankedNeed> ranking) {
        Map<NeedId, Integer> places = new HashMap<>();
        ranking.forEach(place -> places.put(place.needId(), places.size() + 1));
        return places;
    }
}

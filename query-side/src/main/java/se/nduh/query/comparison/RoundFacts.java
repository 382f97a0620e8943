package se.nduh.query.comparison;

import java.time.Instant;
import java.util.List;

/**
 * What the comparison publisher keeps of one priority round: the latest ranking's order and whether each place
 * carries a deviation rationale, and the decision's version, time and icke-göra needs.
 */
record RoundFacts(String region, int budgetYear, int rankingVersion, List<Place> ranking, boolean decided,
                  Instant decidedAt, List<String> notPrioritised) {

    record Place(String needId, boolean deviationRationale) {
    }

    static RoundFacts opened(String region, int budgetYear) {
        return new RoundFacts(region, budgetYear, 0, List.of(), false, null, List.of());
    }

    RoundFacts ranked(int version, List<Place> places) {
        return new RoundFacts(region, budgetYear, version, List.copyOf(places), decided, decidedAt, notPrioritised);
    }

    RoundFacts decided(Instant at, List<String> leftOut) {
        return new RoundFacts(region, budgetYear, rankingVersion, ranking, true, at, List.copyOf(leftOut));
    }

    RoundFacts reopened() {
        return new RoundFacts(region, budgetYear, rankingVersion, ranking, false, null, List.of());
    }
}

package se.nduh.kernel.priority;

import se.nduh.kernel.need.NeedId;

import java.util.Set;

/**
 * One place in a ranking.
 *
 * @param priorityLevel      1 (highest) to 10, never decreasing along the ranking
 * @param rationale          why here, in the words of the ethical platform
 * @param principles         the principles the rationale cites
 * @param criteria           what the placement rests on
 * @param deviationRationale why this need stands above a need of higher severity; required exactly then
 */
public record RankedNeed(NeedId needId, int priorityLevel, String rationale, Set<EthicalPrinciple> principles,
                         Set<RankingCriterion> criteria, String deviationRationale) {

    public RankedNeed {
        principles = Set.copyOf(principles);
        criteria = Set.copyOf(criteria);
    }
}

package se.nduh.kernel.priority;

import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.region.RegionCode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A priority round as its events leave it. The {@code PriorityRound} aggregate decides on it and the audit replay
 * shows it, so how an event changes a round is written once, here. Immutable: every event gives a new state.
 *
 * @param rankingVersion  the current ranking's version, 0 before the first
 * @param decision        the latest decision, kept after a reopening so that the record shows what was reopened;
 *                        {@code null} before the first
 * @param reopeningReason why the latest decision was reopened, {@code null} unless it was
 */
public record PriorityRoundState(PriorityRoundId roundId, RegionCode region, int budgetYear, int rankingVersion,
                                 List<RankedNeed> ranking, boolean decided, PrioritiesDecided decision,
                                 String reopeningReason) {

    public PriorityRoundState {
        ranking = List.copyOf(ranking);
    }

    public static PriorityRoundState opened(PriorityRoundOpened event) {
        return new PriorityRoundState(event.roundId(), event.region(), event.budgetYear(), 0, List.of(), false, null, null);
    }

    public PriorityRoundState with(PrioritiesRanked event) {
        return new PriorityRoundState(roundId, region, budgetYear, event.rankingVersion(), event.ranking(), decided,
                decision, reopeningReason);
    }

    public PriorityRoundState with(PrioritiesDecided event) {
        return new PriorityRoundState(roundId, region, budgetYear, rankingVersion, ranking, true, event, null);
    }

    public PriorityRoundState with(PriorityRoundReopened event) {
        return new PriorityRoundState(roundId, region, budgetYear, rankingVersion, ranking, false, decision, event.reason());
    }

    /** The state after any event of the round, for a replay that reads them untyped; other events change nothing. */
    public PriorityRoundState evolve(Object event) {
        if (event instanceof PrioritiesRanked ranked) {
            return with(ranked);
        }
        if (event instanceof PrioritiesDecided decisionMade) {
            return with(decisionMade);
        }
        if (event instanceof PriorityRoundReopened reopened) {
            return with(reopened);
        }
        return this;
    }

    /** Every need the round speaks of: those ranked, then those its latest decision left out (icke-göra). */
    public Set<NeedId> needs() {
        Set<NeedId> needs = new LinkedHashSet<>();
        ranking.forEach(place -> needs.add(place.needId()));
        if (decision != null) {
            decision.notPrioritised().forEach(left -> needs.add(left.needId()));
        }
        return needs;
    }
}

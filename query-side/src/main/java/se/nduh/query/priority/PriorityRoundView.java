package se.nduh.query.priority;

import se.nduh.kernel.priority.Allocation;
import se.nduh.kernel.priority.NotPrioritised;
import se.nduh.kernel.priority.RankedNeed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A priority round as its read model keeps it: the latest ranking and how many there have been (every version is
 * kept, one document each, served page by page), every decision and reopening.
 *
 * @param latest          the current ranking, {@code null} before the first
 * @param rankingVersions the number of rankings so far; they are numbered 1 to this
 */
public record PriorityRoundView(String id, String region, int budgetYear, boolean decided, Instant openedAt,
                                RankingVersion latest, int rankingVersions, List<Decision> decisions, List<Reopening> reopenings) {

    public record RankingVersion(int version, Instant rankedAt, List<RankedNeed> ranking) {
    }

    public record Decision(int rankingVersion, String decidedBy, LocalDate decisionDate, String minutesReference,
                           List<Allocation> allocations, List<NotPrioritised> notPrioritised, Instant recordedAt) {
    }

    public record Reopening(Instant at, String reason) {
    }
}

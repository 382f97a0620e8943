package se.nduh.query.priority;

import se.nduh.kernel.priority.Allocation;
import se.nduh.kernel.priority.NotPrioritised;
import se.nduh.kernel.priority.RankedNeed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A priority round as its read model keeps it: no version is ever overwritten, every decision stays. */
public record PriorityRoundView(String id, String region, int budgetYear, boolean decided, Instant openedAt,
                                List<RankingVersion> versions, List<Decision> decisions, List<Reopening> reopenings) {

    public record RankingVersion(int version, Instant rankedAt, List<RankedNeed> ranking) {
    }

    public record Decision(int rankingVersion, String decidedBy, LocalDate decisionDate, String minutesReference,
                           List<Allocation> allocations, List<NotPrioritised> notPrioritised, Instant recordedAt) {
    }

    public record Reopening(Instant at, String reason) {
    }
}

package se.nduh.query.need;

import io.swagger.v3.oas.annotations.media.Schema;
import se.nduh.kernel.need.EvidenceKind;
import se.nduh.kernel.need.HealthGap;
import se.nduh.kernel.need.HealthIndicator;
import se.nduh.kernel.need.HealthInequity;
import se.nduh.kernel.need.InequityGap;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedAssessment;
import se.nduh.kernel.need.NeedGroup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A need as the need registry shows it: its description, target and health gap, evidence with the weighted
 * evidence score, assessment, status, the history of its revisions and its equity breakdown.
 */
public record NeedView(String id, String region, String title, String description, NeedGroup needGroup,
                       Set<KindOfEffort> kindsOfEffort, HealthIndicator indicator, Target target, HealthGap gap,
                       List<Evidence> evidence, NeedAssessment assessment, boolean withdrawn, String withdrawalReason,
                       List<Revision> revisions, Priority priority, Instant proposedAt, Instant lastChangedAt,
                       @Schema(description = "The budget year the need is described for: as proposed, else the year it was proposed in (Swedish time)")
                       Integer budgetYear,
                       @Schema(description = "The equity breakdown (jämlik hälsa): the groups the need's indicator differs between, null while none is described")
                       HealthInequity inequity,
                       @Schema(description = "Every equity breakdown described, by the data period it was measured in: the gap between the groups followed up over time")
                       Map<String, HealthInequity> inequityByPeriod) {

    /** Where the need stands in the latest ranking of a priority round of its region. */
    public record Priority(String roundId, int rankingVersion, int level) {
    }

    /** {@code groupGap}: the gap between the equity breakdown's groups the target aims for, null when it aims at none. */
    public record Target(BigDecimal value, int year, BigDecimal groupGap) {
    }

    public record Evidence(String evidenceId, EvidenceKind kind, String source, String description, int dataQuality,
                           int politicalWeight, boolean withdrawn, String withdrawalReason) {
    }

    public record Revision(Instant at, String change, String reason) {
    }

    public enum Status { PROPOSED, ASSESSED, WITHDRAWN }

    public Status status() {
        return withdrawn ? Status.WITHDRAWN : assessment != null ? Status.ASSESSED : Status.PROPOSED;
    }

    /** The gap between the equity breakdown's groups in the indicator's direction, null without a breakdown. */
    public InequityGap inequityGap() {
        return inequity == null || indicator == null ? null : inequity.gap(indicator.direction());
    }

    /** The gap between the groups in each period a breakdown was described for, oldest first, in the indicator's direction. */
    public List<PeriodGap> groupGapHistory() {
        if (inequityByPeriod == null || indicator == null) {
            return List.of();
        }
        return inequityByPeriod.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> new PeriodGap(entry.getKey(), entry.getValue().gap(indicator.direction()))).toList();
    }

    /** The gap between the groups of a breakdown and the data period it was measured in. */
    public record PeriodGap(String period, InequityGap gap) {
    }

    /** Data quality weighted by political weight over the evidence still standing; null without evidence. */
    public BigDecimal evidenceScore() {
        List<Evidence> standing = evidence == null ? List.of() : evidence.stream().filter(item -> !item.withdrawn()).toList();
        int weights = standing.stream().mapToInt(Evidence::politicalWeight).sum();
        return weights == 0 ? null : BigDecimal.valueOf(standing.stream()
                .mapToInt(item -> item.dataQuality() * item.politicalWeight()).sum())
                .divide(BigDecimal.valueOf(weights), 2, RoundingMode.HALF_UP);
    }

    /** Whether standing evidence describes the population: background data, epidemiology or self-reported data. */
    public boolean populationLevelEvidence() {
        return evidence != null && evidence.stream().anyMatch(item -> !item.withdrawn() && item.kind().populationLevel());
    }
}

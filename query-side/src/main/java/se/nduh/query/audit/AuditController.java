package se.nduh.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.query.audit.AuditAnswers.NeedReplay;
import se.nduh.query.audit.AuditAnswers.RoundAsOf;
import se.nduh.query.audit.AuditAnswers.TimelineEntry;
import se.nduh.query.readmodel.Page;

import java.time.Instant;

/** Audit of a region's priority rounds and needs, replayed from the event store rather than read from a read model. */
@RestController
class AuditController {

    private static final String AS_OF = "An ISO instant, e.g. 2026-11-03T10:15:30Z; default now. Not with version";
    private static final String VERSION = "A version of the replayed item (the sequence number of one of its events), instead of asOf";

    private final AuditTrail audit;
    private final RegionDirectory regions;

    AuditController(AuditTrail audit, RegionDirectory regions) {
        this.audit = audit;
        this.regions = regions;
    }

    @Operation(summary = "A priority round as it stood at an instant or version",
            description = "Replayed from the round's own events: the ranking with levels, rationale, principles, criteria and "
                    + "deviations; the latest decision and icke-göra; and every need in the round as it stood then.")
    @GetMapping("/api/v1/regions/{region}/audit/priority-rounds/{roundId}")
    Mono<RoundAsOf> round(@PathVariable String region, @PathVariable String roundId,
                          @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf,
                          @Parameter(description = VERSION) @RequestParam(required = false) @Min(0) @Max(1_000_000_000) Long version) {
        regions.require(region);
        return audit.round(region, roundId, point(asOf, version));
    }

    @Operation(summary = "Every change of a priority round and of its needs, oldest first",
            description = "When, which command, the acting user's id, name, role and region, the correlation id, and the event.")
    @GetMapping("/api/v1/regions/{region}/audit/priority-rounds/{roundId}/timeline")
    Mono<Page<TimelineEntry>> timeline(@PathVariable String region, @PathVariable String roundId,
                                       @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                       @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        regions.require(region);
        return audit.timeline(region, roundId, page, size);
    }

    @Operation(summary = "What changed between two ranking versions of a priority round",
            description = "Each need added, removed, moved up or down (among the needs of both versions), or whose level, "
                    + "rationale, principles, criteria or deviation rationale changed; and the later version's deviations.")
    @GetMapping("/api/v1/regions/{region}/audit/priority-rounds/{roundId}/diff")
    Mono<RankingDiff> diff(@PathVariable String region, @PathVariable String roundId,
                           @Parameter(description = "The earlier ranking version") @RequestParam @Min(1) @Max(1_000_000) int from,
                           @Parameter(description = "The later ranking version") @RequestParam @Min(1) @Max(1_000_000) int to) {
        regions.require(region);
        return audit.diff(region, roundId, from, to);
    }

    @Operation(summary = "A need as it stood at an instant or version, with its changes up to then",
            description = "Gap, target, assessment and grades, evidence with quality and political weight (withdrawn marked).")
    @GetMapping("/api/v1/regions/{region}/audit/needs/{needId}")
    Mono<NeedReplay> need(@PathVariable String region, @PathVariable String needId,
                          @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf,
                          @Parameter(description = VERSION) @RequestParam(required = false) @Min(0) @Max(1_000_000_000) Long version) {
        regions.require(region);
        return audit.need(region, needId, point(asOf, version));
    }

    private static ReplayPoint point(Instant asOf, Long version) {
        if (asOf != null && version != null) {
            throw new ServerWebInputException("Give asOf or version, not both.");
        }
        return version != null ? ReplayPoint.atVersion(version) : ReplayPoint.at(asOf != null ? asOf : Instant.now());
    }
}

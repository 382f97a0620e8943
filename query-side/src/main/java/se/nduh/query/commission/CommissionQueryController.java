package se.nduh.query.commission;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.infrastructure.security.ActingAs;
import se.nduh.kernel.commission.Collaboration;
import se.nduh.kernel.commission.FollowUpLevel;
import se.nduh.query.readmodel.Page;

import java.time.Duration;
import java.util.List;

/** The commission board and the outcome series of one region. */
@RestController
class CommissionQueryController {

    private final CommissionBoard board;
    private final FollowUpByLevel followUp;
    private final RegionDirectory regions;

    CommissionQueryController(CommissionBoard board, FollowUpByLevel followUp, RegionDirectory regions) {
        this.board = board;
        this.followUp = followUp;
        this.regions = regions;
    }

    @GetMapping("/api/v1/regions/{region}/commissions")
    Mono<Page<CommissionBoard.CommissionAnswer>> commissions(@PathVariable String region,
                                                             @RequestParam(required = false) CommissionView.Status status,
                                                             @RequestParam(required = false) Collaboration.Scope collaboration,
                                                             @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                                             @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
                                                             ServerWebExchange exchange) {
        regions.require(region);
        return board.ofRegion(region, ActingAs.of(exchange).actingProvider(), status, collaboration, page, size);
    }

    @GetMapping("/api/v1/regions/{region}/commissions/{id}")
    Mono<CommissionBoard.CommissionAnswer> commission(@PathVariable String region, @PathVariable String id,
                                                      @RequestParam(required = false) @Min(0) @Max(1_000_000_000) Long minVersion,
                                                      @RequestParam(defaultValue = "5") @Min(0) @Max(30) int wait,
                                                      ServerWebExchange exchange) {
        regions.require(region);
        return board.awaitVersion(region, id, minVersion, Duration.ofSeconds(wait))
                .then(board.one(region, ActingAs.of(exchange).actingProvider(), id))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No commission " + id + " in " + region)));
    }

    /**
     * One decision level's follow-up across the region's accepted commissions: {@code politik} (effects),
     * {@code forvaltning} (indicators), {@code enhet} (processes) or {@code team} (activities), paged over the indicators.
     */
    @GetMapping("/api/v1/regions/{region}/follow-up")
    Mono<FollowUpByLevel.LevelFollowUp> followUp(@PathVariable String region,
                                                 @RequestParam @Pattern(regexp = "politik|forvaltning|enhet|team",
                                                         message = "must be politik, forvaltning, enhet or team") String level,
                                                 @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                                 @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
                                                 ServerWebExchange exchange) {
        regions.require(region);
        return followUp.of(region, ActingAs.of(exchange).actingProvider(), FollowUpLevel.ofDecisionLevel(level).orElseThrow(), page, size);
    }

    @GetMapping("/api/v1/regions/{region}/outcomes")
    Mono<List<OutcomeView>> outcomes(@PathVariable String region, @RequestParam(required = false) @Size(max = 100) String commission,
                                     @RequestParam(required = false) @Size(max = 100) String indicator, ServerWebExchange exchange) {
        regions.require(region);
        return board.series(region, ActingAs.of(exchange).actingProvider(), commission, indicator);
    }
}

package se.nduh.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.query.audit.DecisionReports.DecisionReport;

/**
 * The audit report of one decision at a stable address: JSON for programs, a printable Swedish page for a browser
 * (which asks for {@code text/html}).
 */
@RestController
class DecisionReportController {

    private static final String PATH = "/api/v1/regions/{region}/audit/priority-rounds/{roundId}/decisions/{decision}/report";

    private final DecisionReports reports;
    private final RegionDirectory regions;

    DecisionReportController(DecisionReports reports, RegionDirectory regions) {
        this.reports = reports;
        this.regions = regions;
    }

    @Operation(summary = "The audit report of one decision of a priority round",
            description = "The round and its needs as decided, who recorded the decision, what changed since the decision before, "
                    + "every change up to it, and whether the record is untouched (the chains of the round and its needs, the "
                    + "region's latest checkpoint). As text/html, the same as a printable page in Swedish.")
    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<DecisionReport> report(@PathVariable String region, @PathVariable String roundId,
                                @Parameter(description = "Which decision of the round, 1 for the first") @PathVariable @Min(1) @Max(10_000) int decision,
                                ServerWebExchange exchange) {
        regions.require(region);
        return reports.report(region, roundId, decision, exchange.getRequest().getPath().value());
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    Mono<String> printable(@PathVariable String region, @PathVariable String roundId, @PathVariable @Min(1) @Max(10_000) int decision,
                           ServerWebExchange exchange) {
        return report(region, roundId, decision, exchange).map(DecisionReportPage::render);
    }
}

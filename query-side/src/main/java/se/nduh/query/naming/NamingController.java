package se.nduh.query.naming;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.kernel.comparison.DecideComparisonNaming;
import se.nduh.kernel.region.RegionCode;
import se.nduh.query.readmodel.ReadModelUpdates;

import java.time.Duration;

/**
 * {@code GET /api/v1/regions/{region}/comparison-naming}: whether the region appears in the comparisons by its code,
 * by whose decision; with {@code minVersion}, once the read model reflects that version of the decision history.
 */
@RestController
class NamingController {

    private final NamingProjection projection;
    private final RegionDirectory regions;
    private final ReadModelUpdates updates;

    NamingController(NamingProjection projection, RegionDirectory regions, ReadModelUpdates updates) {
        this.projection = projection;
        this.regions = regions;
        this.updates = updates;
    }

    @GetMapping("/api/v1/regions/{region}/comparison-naming")
    Mono<NamingView> naming(@PathVariable String region, @RequestParam(required = false) @Min(0) @Max(1_000_000_000) Long minVersion,
                            @RequestParam(defaultValue = "5") @Min(0) @Max(30) int wait) {
        RegionCode code = regions.code(region);
        String id = DecideComparisonNaming.aggregateIdOf(code);
        return updates.awaitVersion(NamingProjection.PROCESSOR, code.value(), id, minVersion, Duration.ofSeconds(wait), () -> projection.decisions().version(id))
                .then(projection.decisions().findById(id))
                .defaultIfEmpty(NamingView.undecided(code.value()));
    }
}

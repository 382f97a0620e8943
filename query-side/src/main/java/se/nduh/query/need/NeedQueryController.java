package se.nduh.query.need;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.query.readmodel.Page;
import se.nduh.query.readmodel.ReadModelUpdates;

import java.time.Duration;

/** The need registry of one region. */
@RestController
class NeedQueryController {

    private final NeedRegistry registry;
    private final RegionDirectory regions;
    private final ReadModelUpdates updates;

    NeedQueryController(NeedRegistry registry, RegionDirectory regions, ReadModelUpdates updates) {
        this.registry = registry;
        this.regions = regions;
        this.updates = updates;
    }

    @GetMapping("/api/v1/regions/{region}/needs")
    Mono<Page<NeedAnswer>> needs(@PathVariable String region,
                                 @RequestParam(required = false) NeedView.Status status,
                                 @RequestParam(required = false) KindOfEffort kindOfEffort,
                                 @RequestParam(required = false) @Min(1) @Max(10) Integer priorityLevel,
                                 @RequestParam(defaultValue = "PROPOSED_AT") NeedRegistry.Sort sort,
                                 @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                 @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        regions.require(region);
        return registry.ofRegion(region, status, kindOfEffort, priorityLevel, sort, page, size);
    }

    /** One need; with {@code minVersion}, once the registry reflects that version (waiting at most {@code wait} s). */
    @GetMapping("/api/v1/regions/{region}/needs/{id}")
    Mono<NeedAnswer> need(@PathVariable String region, @PathVariable String id,
                          @RequestParam(required = false) @Min(0) @Max(1_000_000_000) Long minVersion,
                          @RequestParam(defaultValue = "5") @Min(0) @Max(30) int wait) {
        regions.require(region);
        return updates.awaitVersion(NeedProjection.PROCESSOR, region, id, minVersion, Duration.ofSeconds(wait), () -> registry.store().version(id, region))
                .then(registry.one(region, id))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No need " + id + " in " + region)));
    }
}

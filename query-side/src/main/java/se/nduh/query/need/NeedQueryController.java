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
import se.nduh.infrastructure.readmodel.Page;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.kernel.need.KindOfEffort;

/** The need registry of one region. */
@RestController
class NeedQueryController {

    private final NeedRegistry registry;
    private final RegionDirectory regions;

    NeedQueryController(NeedRegistry registry, RegionDirectory regions) {
        this.registry = registry;
        this.regions = regions;
    }

    @GetMapping("/api/v1/regions/{region}/needs")
    Mono<Page<NeedAnswer>> needs(@PathVariable String region,
                                 @RequestParam(required = false) NeedView.Status status,
                                 @RequestParam(required = false) KindOfEffort kindOfEffort,
                                 @RequestParam(defaultValue = "PROPOSED_AT") NeedRegistry.Sort sort,
                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        regions.require(region);
        return registry.ofRegion(region, status, kindOfEffort, sort, page, size);
    }

    @GetMapping("/api/v1/regions/{region}/needs/{id}")
    Mono<NeedAnswer> need(@PathVariable String region, @PathVariable String id) {
        regions.require(region);
        return registry.one(region, id)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No need " + id + " in " + region)));
    }
}

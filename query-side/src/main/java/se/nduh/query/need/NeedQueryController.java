package se.nduh.query.need;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.region.RegionDirectory;

import java.util.List;

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
    Mono<List<NeedView>> needs(@PathVariable String region) {
        regions.require(region);
        return registry.ofRegion(region).collectList();
    }

    @GetMapping("/api/v1/regions/{region}/needs/{id}")
    Mono<NeedView> need(@PathVariable String region, @PathVariable String id) {
        regions.require(region);
        return registry.one(region, id)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No need " + id + " in " + region)));
    }
}

package se.nduh.query.experience;

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
import se.nduh.kernel.experience.StrategicArea;
import se.nduh.query.readmodel.Page;
import se.nduh.query.readmodel.ReadModelUpdates;

import java.time.Duration;

/** The shared experiences (erfarenheter) of one region, shared and released. */
@RestController
class ExperienceQueryController {

    private final ExperienceRegister register;
    private final RegionDirectory regions;
    private final ReadModelUpdates updates;

    ExperienceQueryController(ExperienceRegister register, RegionDirectory regions, ReadModelUpdates updates) {
        this.register = register;
        this.regions = regions;
        this.updates = updates;
    }

    @GetMapping("/api/v1/regions/{region}/experiences")
    Mono<Page<ExperienceView>> experiences(@PathVariable String region,
                                           @RequestParam(required = false) ExperienceView.Status status,
                                           @RequestParam(required = false) StrategicArea area,
                                           @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                           @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        regions.require(region);
        return register.ofRegion(region, status, area, page, size);
    }

    /** One experience; with {@code minVersion}, once the read model reflects that version (waiting at most {@code wait} s). */
    @GetMapping("/api/v1/regions/{region}/experiences/{id}")
    Mono<ExperienceView> experience(@PathVariable String region, @PathVariable String id,
                                    @RequestParam(required = false) @Min(0) @Max(1_000_000_000) Long minVersion,
                                    @RequestParam(defaultValue = "5") @Min(0) @Max(30) int wait) {
        regions.require(region);
        return updates.awaitVersion(ExperienceProjection.PROCESSOR, region, id, minVersion, Duration.ofSeconds(wait),
                        () -> register.store().version(id, region))
                .then(register.one(region, id))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No experience " + id + " in " + region)));
    }
}

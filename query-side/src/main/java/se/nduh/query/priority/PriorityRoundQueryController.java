package se.nduh.query.priority;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bson.conversions.Bson;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.query.readmodel.ReadModelUpdates;

import java.time.Duration;

import java.util.List;

/** The priority rounds of one region, newest budget year first. */
@RestController
class PriorityRoundQueryController {

    private final PriorityRoundProjection projection;
    private final RegionDirectory regions;
    private final ReadModelUpdates updates;

    PriorityRoundQueryController(PriorityRoundProjection projection, RegionDirectory regions, ReadModelUpdates updates) {
        this.projection = projection;
        this.regions = regions;
        this.updates = updates;
    }

    @GetMapping("/api/v1/regions/{region}/priority-rounds")
    Mono<List<PriorityRoundView>> rounds(@PathVariable String region, @RequestParam(required = false) @Min(2000) @Max(2100) Integer budgetYear,
                                         @RequestParam(required = false) Boolean decided) {
        regions.require(region);
        Bson filter = Filters.eq("region", region);
        if (budgetYear != null) {
            filter = Filters.and(filter, Filters.eq("budgetYear", budgetYear));
        }
        if (decided != null) {
            filter = Filters.and(filter, Filters.eq("decided", decided));
        }
        return projection.store().find(filter, Sorts.descending("budgetYear")).collectList();
    }

    /** One round; with {@code minVersion}, once the list reflects that version (waiting at most {@code wait} s). */
    @GetMapping("/api/v1/regions/{region}/priority-rounds/{id}")
    Mono<PriorityRoundView> round(@PathVariable String region, @PathVariable String id,
                                  @RequestParam(required = false) @Min(0) @Max(1_000_000_000) Long minVersion,
                                  @RequestParam(defaultValue = "5") @Min(0) @Max(30) int wait) {
        regions.require(region);
        return updates.awaitVersion(PriorityRoundProjection.PROCESSOR, region, id, minVersion, Duration.ofSeconds(wait),
                        () -> projection.store().version(id, region))
                .then(projection.store().findById(id)).filter(round -> round.region().equals(region))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No priority round " + id + " in " + region)));
    }
}

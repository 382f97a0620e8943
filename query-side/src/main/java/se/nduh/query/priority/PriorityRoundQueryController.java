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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.query.priority.PriorityRoundView.RankingVersion;
import se.nduh.query.readmodel.Page;
import se.nduh.query.readmodel.ReadModelUpdates;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

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
                .then(roundOf(region, id));
    }

    /**
     * The round's ranking versions, newest first: each page's versions are looked up by their ids, so a page costs
     * the same however often the round was ranked.
     */
    @GetMapping("/api/v1/regions/{region}/priority-rounds/{id}/versions")
    Mono<Page<RankingVersion>> versions(@PathVariable String region, @PathVariable String id,
                                        @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        regions.require(region);
        return roundOf(region, id).flatMap(round -> {
            int newest = round.rankingVersions() - page * size;
            List<String> ids = IntStream.rangeClosed(Math.max(1, newest - size + 1), newest)
                    .mapToObj(version -> PriorityRoundProjection.versionId(id, version)).toList();
            return (ids.isEmpty() ? Flux.<RankingVersion>empty() : projection.versions().find(Filters.in("_id", ids), Sorts.descending("version")))
                    .collectList().map(versions -> new Page<>(versions, page, size, round.rankingVersions()));
        });
    }

    private Mono<PriorityRoundView> roundOf(String region, String id) {
        return projection.store().findById(id).filter(round -> round.region().equals(region))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No priority round " + id + " in " + region)));
    }
}

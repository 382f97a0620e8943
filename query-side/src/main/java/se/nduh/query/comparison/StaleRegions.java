package se.nduh.query.comparison;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The regions whose facts changed since their figures were last computed ({@code comparison_stale_regions}, one
 * document per region counting its changes). Marking is one small write per region and batch; recomputing reads
 * all of a region's facts, so it is done by {@link FigureRefresh} every little while, not per batch. A mark is
 * removed only if no batch marked the region again meanwhile, so nothing marked is ever skipped, also across a
 * crash.
 */
@Component
class StaleRegions {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A region to recompute, and how many batches had marked it when it was read. */
    record Stale(String region, long changes) {
    }

    private final MongoCollection<Document> stale;

    StaleRegions(MongoDatabase readDatabase) {
        this.stale = readDatabase.getCollection("comparison_stale_regions");
    }

    void mark(Collection<String> regions) {
        if (!regions.isEmpty()) {
            Mono.from(stale.bulkWrite(regions.stream().map(region -> new UpdateOneModel<Document>(Filters.eq("_id", region),
                    Updates.inc("changes", 1L), new UpdateOptions().upsert(true))).toList())).block(TIMEOUT);
        }
    }

    List<Stale> all() {
        return Flux.from(stale.find()).map(document -> new Stale(document.getString("_id"), document.get("changes", Number.class).longValue()))
                .collectList().block(TIMEOUT);
    }

    /** The region's figures reflect its facts as they were when it was read stale, unless it was marked since. */
    void refreshed(Stale region) {
        Mono.from(stale.deleteOne(Filters.and(Filters.eq("_id", region.region()), Filters.eq("changes", region.changes())))).block(TIMEOUT);
    }
}

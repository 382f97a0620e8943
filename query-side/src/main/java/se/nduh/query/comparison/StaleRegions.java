package se.nduh.query.comparison;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The regions whose facts changed since their figures were last computed ({@code comparison_stale_regions}, one
 * document per region counting its changes and naming the facts they changed). Marking is one small write per region
 * and batch; recomputing is done by {@link FigureRefresh} every little while, not per batch, and reads the facts named
 * ({@link ComparisonFacts#ofRegion}). A mark is removed only if no batch marked the region again meanwhile, so nothing
 * marked is ever skipped, also across a crash. A mark names at most {@value #MOST_FACTS_NAMED} facts: one that
 * would name more (a region whose refresh keeps failing while its facts change) says to read the region whole.
 */
@Component
class StaleRegions {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String FACTS = "facts";
    private static final String WHOLE = "whole";
    static final int MOST_FACTS_NAMED = 10_000;

    /**
     * A region to recompute, how many batches had marked it when it was read, and the facts they changed, or that they
     * changed too many to name ({@code whole}).
     */
    record Stale(String region, long changes, Set<String> facts, boolean whole) {
    }

    private final MongoCollection<Document> stale;
    private final int mostFactsNamed;

    @Autowired
    StaleRegions(MongoDatabase readDatabase) {
        this(readDatabase, MOST_FACTS_NAMED);
    }

    StaleRegions(MongoDatabase readDatabase, int mostFactsNamed) {
        this.stale = readDatabase.getCollection("comparison_stale_regions");
        this.mostFactsNamed = mostFactsNamed;
    }

    /** Marks regions whose figures are to be computed again though none of their facts changed. */
    void mark(Collection<String> regions) {
        mark(regions.stream().collect(Collectors.toMap(region -> region, region -> Set.<String>of())));
    }

    /** Marks each region with the facts ({@link ComparisonFacts#keyOf}) that changed in it. */
    void mark(Map<String, ? extends Collection<String>> changedFacts) {
        if (!changedFacts.isEmpty()) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            changedFacts.forEach((region, facts) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", region),
                    facts.isEmpty() ? Updates.inc("changes", 1L)
                    : Updates.combine(Updates.inc("changes", 1L), Updates.addEachToSet(FACTS, List.copyOf(facts))),
                    new UpdateOptions().upsert(true))));
            // In the same ordered bulk write, after the marks: a mark grown past the bound names no facts, only the region.
            writes.add(new UpdateManyModel<>(Filters.and(Filters.in("_id", changedFacts.keySet()), Filters.exists(FACTS + "." + mostFactsNamed)),
                    Updates.combine(Updates.unset(FACTS), Updates.set(WHOLE, true))));
            Mono.from(stale.bulkWrite(writes)).block(TIMEOUT);
        }
    }

    List<Stale> all() {
        return Flux.from(stale.find()).map(document -> new Stale(document.getString("_id"), document.get("changes", Number.class).longValue(),
                        Set.copyOf(document.getList(FACTS, String.class, List.of())), document.getBoolean(WHOLE, false)))
                .collectList().block(TIMEOUT);
    }

    /** The region's figures reflect its facts as they were when it was read stale, unless it was marked since. */
    void refreshed(Stale region) {
        Mono.from(stale.deleteOne(Filters.and(Filters.eq("_id", region.region()), Filters.eq("changes", region.changes())))).block(TIMEOUT);
    }
}

package se.nduh.query.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.kafka.TopicSubscription;
import se.nduh.kernel.comparison.ComparisonRecord;
import se.nduh.query.readmodel.ReadModelStore;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The benchmarking read model: the newest comparison record of every key, from every region of the network.
 * Upserts keep a record only if its revision is newer, so a redelivered record changes nothing.
 */
@Component
public class ComparisonBoard implements TopicSubscription.Handler<ComparisonRecord> {

    private final MongoCollection<Document> collection;
    private final ReadModelStore<ComparisonRecord> store;

    ComparisonBoard(MongoDatabase readDatabase, ObjectMapper json) {
        this.collection = readDatabase.getCollection("comparisons");
        this.store = new ReadModelStore<>(collection, ComparisonRecord.class, json);
    }

    @Override
    public void apply(ComparisonRecord record) {
        store.upsert(record.key(), record.revision(), record);
    }

    /** A tombstone: the publishing region no longer gives the figure under this key (renamed, or gone). */
    @Override
    public void retract(String key) {
        store.delete(key);
    }

    public Flux<ComparisonRecord> all() {
        return store.find(Filters.empty(), Sorts.ascending("metric", "period", "region"));
    }

    /** Every record of one metric, all periods. */
    Flux<ComparisonRecord> ofMetric(String metric) {
        return store.find(Filters.eq("metric", metric), Sorts.ascending("period", "region"));
    }

    /** The periods the board holds records of, by metric code (reading only those two fields of each record). */
    Mono<Map<String, Set<String>>> periodsByMetric() {
        return Flux.from(collection.find().projection(Projections.include("metric", "period")))
                .collect(TreeMap::new, (periods, record) -> periods
                        .computeIfAbsent(record.getString("metric"), metric -> new TreeSet<>()).add(record.getString("period")));
    }
}

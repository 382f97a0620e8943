package se.nduh.query.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import se.nduh.infrastructure.kafka.TopicSubscription;
import se.nduh.infrastructure.readmodel.ReadModelStore;
import se.nduh.kernel.comparison.ComparisonRecord;

/**
 * The benchmarking read model: the newest comparison record of every key, from every region of the network.
 * Upserts keep a record only if its revision is newer, so a redelivered record changes nothing.
 */
@Component
class ComparisonBoard implements TopicSubscription.Handler<ComparisonRecord> {

    private final ReadModelStore<ComparisonRecord> store;

    ComparisonBoard(MongoDatabase readDatabase, ObjectMapper json) {
        this.store = new ReadModelStore<>(readDatabase.getCollection("comparisons"), ComparisonRecord.class, json);
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

    Flux<ComparisonRecord> all() {
        return store.find(Filters.empty(), Sorts.ascending("metric", "period", "region"));
    }
}

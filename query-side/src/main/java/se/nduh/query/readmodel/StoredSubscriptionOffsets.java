package se.nduh.query.readmodel;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.kafka.SubscriptionOffsets;
import se.nduh.infrastructure.mongo.MongoConfiguration;

import java.time.Duration;
import java.util.Map;

/**
 * The Kafka subscriptions' places, in the read database beside the views they feed ({@code subscription_offsets}):
 * a wiped read database reads its topics again from the beginning.
 */
@Component
class StoredSubscriptionOffsets implements SubscriptionOffsets {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MongoCollection<Document> offsets;

    StoredSubscriptionOffsets(MongoDatabase readDatabase) {
        // Journaled, and with it the received records stored before: a subscription that keeps running through a crash
        // of the server reads on from its place in memory and would not receive again what the crash took.
        this.offsets = readDatabase.getCollection("subscription_offsets").withWriteConcern(MongoConfiguration.DURABLE);
    }

    @Override
    public Map<Integer, Long> load(String topic) {
        return Flux.from(offsets.find(Filters.eq("topic", topic)))
                .collectMap(offset -> offset.getInteger("partition"), offset -> offset.getLong("next"))
                .block(TIMEOUT);
    }

    @Override
    public void save(String topic, int partition, long next) {
        Mono.from(offsets.updateOne(Filters.eq("_id", topic + "|" + partition),
                        Updates.combine(Updates.set("topic", topic), Updates.set("partition", partition), Updates.set("next", next)),
                        new UpdateOptions().upsert(true)))
                .block(TIMEOUT);
    }
}

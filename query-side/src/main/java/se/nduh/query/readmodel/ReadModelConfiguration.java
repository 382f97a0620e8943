package se.nduh.query.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.nduh.infrastructure.mongo.MongoConfiguration;
import se.nduh.infrastructure.mongo.MongoProperties;

/**
 * The read database: read models and the processors' tokens live together, so that wiping it rebuilds
 * every projection from the event store. Read-model writes do not wait for the journal
 * ({@link MongoConfiguration#REBUILDABLE}); a batch's token does ({@link MongoConfiguration#DURABLE}), and with it every
 * write the batch made before it: a query side that keeps running through a crash of the server holds its processors'
 * places in memory and would not make again what the crash took (the fault suite found two needs never shown).
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    @Bean
    TokenStore tokenStore(MongoClient client, MongoProperties properties, Serializer serializer) {
        com.mongodb.client.MongoDatabase read = client.getDatabase(properties.readDatabase());
        MongoTemplate journaled = DefaultMongoTemplate.builder().mongoDatabase(read.withWriteConcern(MongoConfiguration.DURABLE)).build();
        dropTimestampTokens(journaled.trackingTokensCollection(), serializer);
        return new ReadModelTokenStore(MongoTokenStore.builder().mongoTemplate(journaled).serializer(serializer),
                                       DefaultMongoTemplate.builder().mongoDatabase(read.withWriteConcern(MongoConfiguration.REBUILDABLE)).build());
    }

    /**
     * Drops the tokens from before the event store's global index, before any processor starts: they hold timestamps,
     * which the index's tokens cannot be compared with. Their processors start again from the first event, over read
     * models that keep what they have, since every write is guarded by version.
     */
    static void dropTimestampTokens(MongoCollection<Document> tokens, Serializer serializer) {
        for (Document entry : tokens.find()) {
            Binary stored = entry.get("token", Binary.class);
            if (stored == null) {
                continue;
            }
            Object token = serializer.deserialize(new SimpleSerializedObject<>(stored.getData(), byte[].class,
                    entry.getString("tokenType"), null));
            if (token instanceof MongoTrackingToken
                    || token instanceof ReplayToken replay && replay.getTokenAtReset() instanceof MongoTrackingToken) {
                tokens.deleteOne(Filters.eq("_id", entry.get("_id")));
            }
        }
    }

    @Bean
    MongoDatabase readDatabase(com.mongodb.reactivestreams.client.MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.readDatabase()).withWriteConcern(MongoConfiguration.REBUILDABLE);
    }
}

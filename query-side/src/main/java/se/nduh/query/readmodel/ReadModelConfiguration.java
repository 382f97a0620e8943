package se.nduh.query.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.nduh.infrastructure.mongo.MongoProperties;

/**
 * The read database: read models and the processors' tokens live together, so that wiping it rebuilds
 * every projection from the event store.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    @Bean
    TokenStore tokenStore(MongoClient client, MongoProperties properties, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, properties.readDatabase()).build())
                .serializer(serializer)
                .build();
    }

    @Bean
    MongoDatabase readDatabase(com.mongodb.reactivestreams.client.MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.readDatabase());
    }
}

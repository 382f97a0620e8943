package se.nduh.infrastructure.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Our own MongoDB clients on the configured URI (Spring Boot would otherwise aim at localhost:27017): the
 * sync driver for Axon's event and token stores, the reactive-streams driver for read models.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoProperties.class)
public class MongoConfiguration {

    /**
     * Every write waits until the server has it in its journal (and, in a replica set, on a majority of members): an
     * acknowledged command survives a crash of the server. The default, unless {@code MONGODB_URI} names its own.
     */
    public static final WriteConcern DURABLE = WriteConcern.MAJORITY.withJournal(true);

    /**
     * For what is rebuilt from the event store or read again from Kafka after a crash (read models, received records):
     * acknowledged once applied, in the journal a moment later (MongoDB flushes it every 100 ms). The processors'
     * tokens and the subscriptions' offsets that follow such writes are {@link #DURABLE}: a journaled write is in the
     * journal with every write before it, so a crash never keeps a place without the writes that led to it.
     */
    public static final WriteConcern REBUILDABLE = WriteConcern.W1;

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoProperties properties) {
        return MongoClients.create(settings(properties));
    }

    @Bean(destroyMethod = "close")
    com.mongodb.reactivestreams.client.MongoClient reactiveMongoClient(MongoProperties properties) {
        return com.mongodb.reactivestreams.client.MongoClients.create(settings(properties));
    }

    /** Health by {@code ping}: Spring Boot's indicator sends {@code hello}, which the embedded server lacks. */
    @Bean
    ReactiveHealthIndicator mongoHealthIndicator(com.mongodb.reactivestreams.client.MongoClient client,
                                                 MongoProperties properties) {
        return () -> Mono.from(client.getDatabase(properties.eventsDatabase()).runCommand(new Document("ping", 1)))
                .timeout(Duration.ofSeconds(3))
                .map(answer -> Health.up().withDetail("uri", redacted(properties.uri())).build())
                .onErrorResume(e -> Mono.just(Health.down(e).build()));
    }

    static MongoClientSettings settings(MongoProperties properties) {
        ConnectionString uri = new ConnectionString(properties.uri());
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(uri);
        if (uri.getWriteConcern() == null) {
            settings.writeConcern(DURABLE);
        }
        return settings.build();
    }

    /** The URI without credentials, for health output. */
    static String redacted(String uri) {
        return uri.replaceFirst("//[^/@]*@", "//***@");
    }
}

package se.nduh.infrastructure.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
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

    private static MongoClientSettings settings(MongoProperties properties) {
        return MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(properties.uri()))
                .build();
    }

    /** The URI without credentials, for health output. */
    static String redacted(String uri) {
        return uri.replaceFirst("//[^/@]*@", "//***@");
    }
}

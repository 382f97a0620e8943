package se.nduh.infrastructure.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

import java.util.Map;

/** Kafka is healthy when the cluster answers who its brokers are. */
public class KafkaHealthIndicator implements ReactiveHealthIndicator, AutoCloseable {

    private final Admin admin;
    private final String bootstrapServers;

    public KafkaHealthIndicator(KafkaProperties properties) {
        this.bootstrapServers = properties.bootstrapServers();
        this.admin = Admin.create(properties.client(Map.of()));
    }

    @Override
    public Mono<Health> health() {
        return Mono.fromFuture(admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes().toCompletionStage().toCompletableFuture())
                .map(nodes -> Health.up().withDetail("bootstrapServers", bootstrapServers).withDetail("brokers", nodes.size()).build())
                .onErrorResume(e -> Mono.just(Health.down(e).withDetail("bootstrapServers", bootstrapServers).build()));
    }

    @Override
    public void close() {
        admin.close();
    }
}

package se.nduh.infrastructure.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Kafka cluster: {@code KAFKA_BOOTSTRAP_SERVERS}.
 *
 * @param bootstrapServers host:port pairs of the brokers
 * @param consumerGroup    the consumer group of this deployment's benchmarking read model
 * @param partitions       partitions of the comparison topic when this deployment creates it
 */
@ConfigurationProperties("nduh.kafka")
public record KafkaProperties(String bootstrapServers, String consumerGroup, int partitions) {
}

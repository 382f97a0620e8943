package se.nduh.query.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.nduh.infrastructure.kafka.KafkaHealthIndicator;
import se.nduh.infrastructure.kafka.KafkaProperties;
import se.nduh.infrastructure.kafka.PublishedTopic;
import se.nduh.infrastructure.kafka.RegionPublicKeys;
import se.nduh.infrastructure.kafka.SubscriptionOffsets;
import se.nduh.infrastructure.kafka.TopicSubscription;
import se.nduh.kernel.comparison.ComparisonRecord;

/** The network's comparison records into the benchmarking read model, and Kafka's health. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaProperties.class)
class BenchmarkConfiguration {

    @Bean(destroyMethod = "close")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties properties) {
        return new KafkaHealthIndicator(properties);
    }

    @Bean(destroyMethod = "close")
    TopicSubscription<ComparisonRecord> comparisonSubscription(KafkaProperties properties, ObjectMapper json,
                                                              RegionPublicKeys keys, SubscriptionOffsets offsets, ComparisonBoard board,
                                                              MeterRegistry metrics) {
        return new TopicSubscription<>(properties, json, PublishedTopic.comparisons(keys), offsets, board, metrics);
    }
}

package se.nduh.query.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.nduh.infrastructure.kafka.ComparisonSubscription;
import se.nduh.infrastructure.kafka.KafkaHealthIndicator;
import se.nduh.infrastructure.kafka.KafkaProperties;

/** The network's comparison records into the benchmarking read model, and Kafka's health. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaProperties.class)
class BenchmarkConfiguration {

    @Bean(destroyMethod = "close")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties properties) {
        return new KafkaHealthIndicator(properties);
    }

    @Bean(destroyMethod = "close")
    ComparisonSubscription comparisonSubscription(KafkaProperties properties, ObjectMapper json, ComparisonBoard board) {
        return new ComparisonSubscription(properties, json, board);
    }
}

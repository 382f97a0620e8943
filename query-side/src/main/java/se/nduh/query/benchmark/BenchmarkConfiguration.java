package se.nduh.query.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.nduh.infrastructure.kafka.ComparisonPublisher;
import se.nduh.infrastructure.kafka.ComparisonSubscription;
import se.nduh.infrastructure.kafka.KafkaHealthIndicator;
import se.nduh.infrastructure.kafka.KafkaProperties;
import se.nduh.kernel.comparison.AnonymisationPolicy;

/** Kafka in and out of the benchmarking feature. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaProperties.class)
class BenchmarkConfiguration {

    @Bean
    AnonymisationPolicy anonymisationPolicy(@Value("${nduh.anonymisation.k}") int k) {
        return new AnonymisationPolicy(k);
    }

    @Bean(destroyMethod = "close")
    ComparisonPublisher comparisonPublisher(KafkaProperties properties, ObjectMapper json) {
        return new ComparisonPublisher(properties, json);
    }

    @Bean(destroyMethod = "close")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties properties) {
        return new KafkaHealthIndicator(properties);
    }

    @Bean(destroyMethod = "close")
    ComparisonSubscription comparisonSubscription(KafkaProperties properties, ObjectMapper json, ComparisonBoard board) {
        return new ComparisonSubscription(properties, json, board);
    }
}

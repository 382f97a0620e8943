package se.nduh.query.comparison;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import se.nduh.infrastructure.kafka.ComparisonPublisher;
import se.nduh.infrastructure.kafka.KafkaProperties;
import se.nduh.kernel.comparison.AnonymisationPolicy;

/** The comparison publisher's anonymisation policy, its Kafka producer, and the schedule of its retries. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaProperties.class)
@EnableScheduling
class ComparisonPublishingConfiguration {

    @Bean
    AnonymisationPolicy anonymisationPolicy(@Value("${nduh.anonymisation.k}") int k) {
        return new AnonymisationPolicy(k);
    }

    @Bean(destroyMethod = "close")
    ComparisonPublisher comparisonPublisher(KafkaProperties properties, ObjectMapper json) {
        return new ComparisonPublisher(properties, json);
    }
}

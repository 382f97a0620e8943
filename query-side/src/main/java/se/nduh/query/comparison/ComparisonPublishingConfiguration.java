package se.nduh.query.comparison;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import se.nduh.infrastructure.kafka.KafkaProperties;
import se.nduh.infrastructure.kafka.PublishedTopic;
import se.nduh.infrastructure.kafka.RegionPublicKeys;
import se.nduh.infrastructure.kafka.TopicPublisher;
import se.nduh.kernel.comparison.AnonymisationPolicy;
import se.nduh.kernel.comparison.ComparisonRecord;

/** The comparison publisher's anonymisation policy, its Kafka producer, and the schedule of its retries. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaProperties.class)
@EnableScheduling
class ComparisonPublishingConfiguration {

    @Bean
    AnonymisationPolicy anonymisationPolicy(@Value("${nduh.anonymisation.k}") int k) {
        return new AnonymisationPolicy(k);
    }

    /** No signer rule is needed on the way out: the sender signs each record with its region's key. */
    @Bean(destroyMethod = "close")
    TopicPublisher<ComparisonRecord> comparisonPublisher(KafkaProperties properties, ObjectMapper json, RegionPublicKeys keys,
                                                         MeterRegistry metrics) {
        return new TopicPublisher<>(properties, json, PublishedTopic.comparisons(keys), "nduh-comparison-publisher", metrics);
    }
}

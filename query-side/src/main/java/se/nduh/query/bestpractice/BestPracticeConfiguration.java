package se.nduh.query.bestpractice;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.nduh.infrastructure.kafka.KafkaProperties;
import se.nduh.infrastructure.kafka.PublishedTopic;
import se.nduh.infrastructure.kafka.RegionPublicKeys;
import se.nduh.infrastructure.kafka.SubscriptionOffsets;
import se.nduh.infrastructure.kafka.TopicPublisher;
import se.nduh.infrastructure.kafka.TopicSubscription;
import se.nduh.kernel.experience.BestPracticeEntry;
import se.nduh.kernel.experience.ReleasedExperience;

/**
 * Kafka in and out of the best-practice feature: the served regions' released experiences go out, and every
 * region's released experiences and the network's curated library come in; the library goes out from the network's
 * deployment only.
 */
@Configuration(proxyBeanMethods = false)
class BestPracticeConfiguration {

    @Bean(destroyMethod = "close")
    TopicPublisher<ReleasedExperience> releasedExperiencePublisher(KafkaProperties properties, ObjectMapper json, RegionPublicKeys keys,
                                                                 MeterRegistry metrics) {
        return new TopicPublisher<>(properties, json, PublishedTopic.releasedExperiences(keys), "nduh-experience-publisher", metrics);
    }

    @Bean(destroyMethod = "close")
    TopicSubscription<ReleasedExperience> releasedExperienceSubscription(KafkaProperties properties, ObjectMapper json,
                                                                         RegionPublicKeys keys, SubscriptionOffsets offsets,
                                                                         BestPracticeLibrary library, MeterRegistry metrics) {
        return new TopicSubscription<>(properties, json, PublishedTopic.releasedExperiences(keys), offsets, library::received, metrics);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "nduh.network.enabled", havingValue = "true", matchIfMissing = true)
    TopicPublisher<BestPracticeEntry> libraryPublisher(KafkaProperties properties, ObjectMapper json, RegionPublicKeys keys,
                                                       MeterRegistry metrics) {
        return new TopicPublisher<>(properties, json, PublishedTopic.bestPractice(keys), "nduh-library-publisher", metrics);
    }

    @Bean(destroyMethod = "close")
    TopicSubscription<BestPracticeEntry> librarySubscription(KafkaProperties properties, ObjectMapper json, RegionPublicKeys keys,
                                                             SubscriptionOffsets offsets, BestPracticeLibrary library,
                                                             MeterRegistry metrics) {
        return new TopicSubscription<>(properties, json, PublishedTopic.bestPractice(keys), offsets, library::curated, metrics);
    }
}

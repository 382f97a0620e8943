package se.nduh.command.bestpractice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import se.nduh.infrastructure.kafka.KafkaProperties;
import se.nduh.infrastructure.kafka.PublicKeyFiles;
import se.nduh.infrastructure.kafka.PublishedTopic;
import se.nduh.infrastructure.kafka.RegionPublicKeys;
import se.nduh.infrastructure.kafka.TopicSubscription;
import se.nduh.infrastructure.mongo.MongoProperties;
import se.nduh.kernel.experience.ReleasedExperience;

/**
 * The network's curation, in the deployment that is the network's ({@code NDUH_NETWORK}, true by default): the
 * regions' released experiences read from their topic, signatures checked, into what curation may name.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "nduh.network.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(KafkaProperties.class)
@Import(PublicKeyFiles.class)
class NetworkCurationConfiguration {

    @Bean
    ReceivedReleases receivedReleases(MongoClient client, MongoProperties properties) {
        return new ReceivedReleases(client, properties);
    }

    @Bean(destroyMethod = "close")
    TopicSubscription<ReleasedExperience> releasedExperienceSubscription(KafkaProperties properties, ObjectMapper json,
                                                                         RegionPublicKeys keys, MongoClient client,
                                                                         MongoProperties mongo, ReceivedReleases releases,
                                                                         MeterRegistry metrics) {
        return new TopicSubscription<>(properties, json, PublishedTopic.releasedExperiences(keys),
                new ViewSubscriptionOffsets(client, mongo), releases::received, metrics);
    }
}

package se.nduh.query.bestpractice;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.nduh.infrastructure.kafka.KafkaProperties;
import se.nduh.infrastructure.kafka.TopicPublisher;
import se.nduh.infrastructure.kafka.TopicSubscription;
import se.nduh.kernel.experience.ReleasedExperience;

/** Kafka in and out of the best-practice feature: the released experiences' own topic. */
@Configuration(proxyBeanMethods = false)
class BestPracticeConfiguration {

    @Bean(destroyMethod = "close")
    TopicPublisher<ReleasedExperience> releasedExperiencePublisher(KafkaProperties properties, ObjectMapper json) {
        return new TopicPublisher<>(properties, json, ReleasedExperience.TOPIC, "nduh-experience-publisher", ReleasedExperience::key);
    }

    /** A consumer group of its own (the deployment's group, suffixed), so this deployment reads every released experience. */
    @Bean(destroyMethod = "close")
    TopicSubscription<ReleasedExperience> releasedExperienceSubscription(KafkaProperties properties, ObjectMapper json,
                                                                         BestPracticeLibrary library) {
        return new TopicSubscription<>(properties, json, ReleasedExperience.TOPIC, ReleasedExperience.class,
                properties.consumerGroup() + "-experiences", "experience-subscription", ReleasedExperience.DEAD_LETTER_TOPIC,
                library::received);
    }
}

package se.nduh.infrastructure.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Creates the topics when they do not exist yet, with the broker's replication factor. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    /** A compacted topic: one entry per key survives, the newest; a tombstone (null value) removes the key. */
    public static void ensureCompacted(KafkaProperties kafka, String topic, int partitions) {
        ensure(kafka, new NewTopic(topic, partitions, (short) -1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }

    /** A topic that keeps everything for its retention time, such as a dead-letter topic. */
    public static void ensureRetained(KafkaProperties kafka, String topic, int partitions) {
        ensure(kafka, new NewTopic(topic, partitions, (short) -1));
    }

    private static void ensure(KafkaProperties kafka, NewTopic topic) {
        try (Admin admin = Admin.create(kafka.client(Map.of()))) {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the Kafka topic " + topic.name(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the Kafka topic " + topic.name(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating the topic " + topic.name(), e);
        }
    }
}

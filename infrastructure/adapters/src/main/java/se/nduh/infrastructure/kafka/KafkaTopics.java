package se.nduh.infrastructure.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics when they do not exist yet: on a cluster of three or more brokers with three replicas, of which
 * two must have a write before it is acknowledged ({@code min.insync.replicas} 2, with the producers' {@code acks=all}),
 * so that nothing acknowledged is lost when one broker stops; on smaller clusters with a replica on each broker.
 */
public final class KafkaTopics {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopics.class);
    private static final int MAX_REPLICAS = 3;

    private KafkaTopics() {
    }

    /** A compacted topic: one entry per key survives, the newest; a tombstone (null value) removes the key. */
    public static void ensureCompacted(KafkaProperties kafka, String topic, int partitions) {
        ensure(kafka, topic, partitions, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** A topic that keeps everything for its retention time, such as a dead-letter topic. */
    public static void ensureRetained(KafkaProperties kafka, String topic, int partitions) {
        ensure(kafka, topic, partitions, Map.of());
    }

    private static void ensure(KafkaProperties kafka, String topic, int partitions, Map<String, String> configs) {
        try (Admin admin = Admin.create(kafka.client(Map.of()))) {
            int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
            short replicas = (short) Math.min(MAX_REPLICAS, brokers);
            Map<String, String> all = new HashMap<>(configs);
            all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(Math.max(1, replicas - 1)));
            admin.createTopics(List.of(new NewTopic(topic, partitions, replicas).configs(all))).all().get(30, TimeUnit.SECONDS);
            // The count is the brokers in service at this moment: a broker fenced just then means fewer replicas.
            log.info("Created the Kafka topic {}: partitions {}, replicas {}, brokers in service {}",
                    topic, partitions, replicas, brokers);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the Kafka topic " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the Kafka topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating the topic " + topic, e);
        }
    }
}

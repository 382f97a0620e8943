package se.nduh.infrastructure.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
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
 * Creates the topics when they do not exist yet, with the configured replicas ({@code NDUH_KAFKA_REPLICAS}; 3 on a real
 * cluster), of which all but one must have a write before it is acknowledged ({@code min.insync.replicas}, with the
 * producers' {@code acks=all}), so that nothing acknowledged is lost when one broker stops. Unconfigured, as many as
 * there are brokers in service at that moment, up to three: right for the local run's single broker, but a broker
 * still starting or fenced just then would give a topic fewer replicas for good.
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
            short replicas = (short) (kafka.replicas() > 0 ? kafka.replicas() : Math.min(MAX_REPLICAS, brokers));
            Map<String, String> all = new HashMap<>(configs);
            all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(Math.max(1, replicas - 1)));
            admin.createTopics(List.of(new NewTopic(topic, partitions, replicas).configs(all))).all().get(30, TimeUnit.SECONDS);
            log.info("Created the Kafka topic {}: partitions {}, replicas {}, brokers in service {}",
                    topic, partitions, replicas, brokers);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvalidReplicationFactorException) {
                throw new IllegalStateException("Cannot create the Kafka topic " + topic + " with " + kafka.replicas()
                        + " replicas (NDUH_KAFKA_REPLICAS): " + e.getCause().getMessage(), e.getCause());
            }
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

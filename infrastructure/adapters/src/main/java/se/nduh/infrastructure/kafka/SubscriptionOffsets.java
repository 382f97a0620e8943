package se.nduh.infrastructure.kafka;

import java.util.Map;

/**
 * Where a subscription keeps its place in a topic: beside what it applies, in the deployment's own store, not in
 * a Kafka consumer group that anyone who can reach the broker could join and take partitions away from.
 */
public interface SubscriptionOffsets {

    /** The next offset to read, by partition, for the partitions read before. */
    Map<Integer, Long> load(String topic);

    /** Records that everything before {@code next} in the partition is applied. */
    void save(String topic, int partition, long next);
}

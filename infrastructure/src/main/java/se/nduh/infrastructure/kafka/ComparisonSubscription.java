package se.nduh.infrastructure.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import se.nduh.kernel.comparison.ComparisonRecord;

import java.util.function.Consumer;

/**
 * Reads {@value ComparisonRecord#TOPIC} on its own thread and hands each record to a handler; offsets are
 * committed only after the handler returns, so a crash re-delivers rather than loses.
 */
public class ComparisonSubscription extends TopicSubscription<ComparisonRecord> {

    public ComparisonSubscription(KafkaProperties properties, ObjectMapper json, Consumer<ComparisonRecord> handler) {
        super(properties, json, ComparisonRecord.TOPIC, ComparisonRecord.class, properties.consumerGroup(),
                "comparison-subscription", handler);
    }
}

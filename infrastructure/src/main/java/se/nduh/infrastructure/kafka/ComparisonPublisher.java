package se.nduh.infrastructure.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import se.nduh.kernel.comparison.ComparisonRecord;

/**
 * Puts anonymised comparison records on {@value ComparisonRecord#TOPIC}: an idempotent producer with
 * {@code acks=all}, keyed by metric, period and region pseudonym, JSON values.
 */
public class ComparisonPublisher extends TopicPublisher<ComparisonRecord> {

    public ComparisonPublisher(KafkaProperties properties, ObjectMapper json) {
        super(properties, json, ComparisonRecord.TOPIC, "nduh-comparison-publisher", ComparisonRecord::key);
    }
}

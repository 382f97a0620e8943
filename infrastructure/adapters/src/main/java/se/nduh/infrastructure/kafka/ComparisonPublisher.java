package se.nduh.infrastructure.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.nduh.kernel.comparison.ComparisonRecord;

import java.util.List;

/**
 * Puts anonymised comparison records on {@value ComparisonRecord#TOPIC}: keyed by metric, period and region
 * pseudonym, each checked against the record's JSON Schema first, so a record that fails it is never produced.
 */
public class ComparisonPublisher extends TopicPublisher<ComparisonRecord> {

    public ComparisonPublisher(KafkaProperties properties, ObjectMapper json) {
        super(properties, json, ComparisonRecord.TOPIC, "nduh-comparison-publisher", ComparisonRecord::key);
    }

    @Override
    public String serialise(ComparisonRecord record) {
        JsonNode tree = json().valueToTree(record);
        List<String> violations = ComparisonSchema.violations(tree);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("Comparison record " + record.key() + " fails its schema: " + violations);
        }
        return tree.toString();
    }
}

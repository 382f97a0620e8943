package se.nduh.infrastructure.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.nduh.kernel.comparison.ComparisonRecord;

import java.util.List;
import java.util.Optional;

/**
 * Reads {@value ComparisonRecord#TOPIC}: a record with an unknown schema version, one that fails the schema, or
 * one whose key is not its own goes to {@value ComparisonRecord#DEAD_LETTER_TOPIC} with the reason; a tombstone
 * retracts its key.
 */
public class ComparisonSubscription extends TopicSubscription<ComparisonRecord> {

    public ComparisonSubscription(KafkaProperties properties, ObjectMapper json, Handler<ComparisonRecord> handler) {
        super(properties, json, ComparisonRecord.TOPIC, ComparisonRecord.class, properties.consumerGroup(),
                "comparison-subscription", ComparisonRecord.DEAD_LETTER_TOPIC, handler);
    }

    @Override
    protected Optional<String> problemWith(JsonNode record, String key) {
        if (record.path("schemaVersion").asInt(-1) != ComparisonRecord.SCHEMA_VERSION) {
            return Optional.of("unknown schema version " + record.path("schemaVersion"));
        }
        List<String> violations = ComparisonSchema.violations(record);
        if (!violations.isEmpty()) {
            return Optional.of("fails the schema: " + String.join("; ", violations));
        }
        String ownKey = ComparisonRecord.key(record.path("metric").asText(), record.path("period").asText(),
                record.path("region").asText());
        return ownKey.equals(key) ? Optional.empty() : Optional.of("key " + key + " is not the record's own key " + ownKey);
    }
}

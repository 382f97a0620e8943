package se.nduh.infrastructure.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;
import org.bson.types.Binary;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * An event exactly as the store holds it: the serialized payload and the metadata's text values, not what an
 * upcaster or deserializer makes of them, so that its hash is of what was stored.
 *
 * @param metaData the metadata's values as text (absent keys are absent)
 */
public record StoredEvent(String aggregateIdentifier, String type, long sequenceNumber, String payloadType,
                          String payloadRevision, String timestamp, String serializedPayload, String eventIdentifier,
                          Map<String, String> metaData) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where Axon's document per event keeps each field. */
    static final EventEntryConfiguration SCHEMA = EventEntryConfiguration.getDefault();

    /** The event of a stored document, its metadata read from its serialized JSON. */
    public static StoredEvent of(Document document) {
        return of(document, metaDataOf(document.get(SCHEMA.metaDataProperty())));
    }

    /** The event of a document about to be stored, with the metadata it will carry. */
    static StoredEvent of(Document document, Map<String, String> metaData) {
        return new StoredEvent(document.getString(SCHEMA.aggregateIdentifierProperty()), document.getString(SCHEMA.typeProperty()),
                ((Number) document.get(SCHEMA.sequenceNumberProperty())).longValue(), document.getString(SCHEMA.payloadTypeProperty()),
                document.getString(SCHEMA.payloadRevisionProperty()), document.getString(SCHEMA.timestampProperty()),
                text(document.get(SCHEMA.payloadProperty())), document.getString(SCHEMA.eventIdentifierProperty()), metaData);
    }

    /** The payload's top-level text field, or null: how an aggregate's region is found without deserialising. */
    public String payloadField(String field) {
        try {
            JsonNode value = JSON.readTree(serializedPayload).get(field);
            return value == null || !value.isTextual() ? null : value.asText();
        } catch (Exception e) {
            return null;
        }
    }

    private static Map<String, String> metaDataOf(Object serialized) {
        Map<String, String> values = new HashMap<>();
        try {
            JSON.readTree(text(serialized)).fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        } catch (Exception e) {
            // Unreadable metadata hashes as none, so the event's hash shows it altered.
        }
        return values;
    }

    private static String text(Object serialized) {
        return serialized instanceof Binary binary ? new String(binary.getData(), StandardCharsets.UTF_8)
                : serialized == null ? null : serialized.toString();
    }
}

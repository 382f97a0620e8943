package se.nduh.infrastructure.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import se.nduh.kernel.comparison.ComparisonRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The comparison record's JSON Schema ({@value ComparisonRecord#SCHEMA_RESOURCE}), applied on both ends of the topic. */
public final class ComparisonSchema {

    private static final JsonSchema SCHEMA = load();

    private ComparisonSchema() {
    }

    /** What is wrong with the record, or nothing. */
    public static List<String> violations(JsonNode record) {
        return SCHEMA.validate(record).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load() {
        try (InputStream schema = ComparisonRecord.class.getResourceAsStream(ComparisonRecord.SCHEMA_RESOURCE)) {
            if (schema == null) {
                throw new IllegalStateException("The comparison schema is missing: " + ComparisonRecord.SCHEMA_RESOURCE);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

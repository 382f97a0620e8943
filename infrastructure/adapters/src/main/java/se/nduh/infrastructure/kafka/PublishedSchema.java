package se.nduh.infrastructure.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import se.nduh.kernel.comparison.ComparisonRecord;
import se.nduh.kernel.experience.BestPracticeEntry;
import se.nduh.kernel.experience.ReleasedExperience;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** A published record's JSON Schema, from the shared kernel beside the record, applied on both ends of its topic. */
public final class PublishedSchema {

    public static final PublishedSchema COMPARISON = of(ComparisonRecord.SCHEMA_RESOURCE);
    public static final PublishedSchema RELEASED_EXPERIENCE = of(ReleasedExperience.SCHEMA_RESOURCE);
    public static final PublishedSchema BEST_PRACTICE_ENTRY = of(BestPracticeEntry.SCHEMA_RESOURCE);

    private final JsonSchema schema;

    private PublishedSchema(String resource) {
        try (InputStream in = PublishedSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The schema is missing: " + resource);
            }
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON Schema (draft 2020-12) at a class-path resource. */
    public static PublishedSchema of(String resource) {
        return new PublishedSchema(resource);
    }

    /** What is wrong with the record, or nothing. */
    public List<String> violations(JsonNode record) {
        return schema.validate(record).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}

package se.nduh.kernel.need;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one piece of evidence within a need. */
public record EvidenceId(@JsonValue String value) {

    public EvidenceId {
        Objects.requireNonNull(value, "evidence id");
    }

    @JsonCreator
    public static EvidenceId of(String value) {
        return new EvidenceId(value);
    }

    public static EvidenceId random() {
        return new EvidenceId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}

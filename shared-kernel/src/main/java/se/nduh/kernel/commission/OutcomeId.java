package se.nduh.kernel.commission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one recorded outcome value; a correction is a new outcome that names the one it supersedes. */
public record OutcomeId(@JsonValue String value) {

    public OutcomeId {
        Objects.requireNonNull(value, "outcome id");
    }

    @JsonCreator
    public static OutcomeId of(String value) {
        return new OutcomeId(value);
    }

    /** Ids are made at the edge, never inside an aggregate. */
    public static OutcomeId random() {
        return new OutcomeId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}

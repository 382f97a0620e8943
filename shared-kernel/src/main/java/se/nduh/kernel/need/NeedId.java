package se.nduh.kernel.need;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a need (behov) across its whole life. */
public record NeedId(@JsonValue String value) {

    public NeedId {
        Objects.requireNonNull(value, "need id");
    }

    @JsonCreator
    public static NeedId of(String value) {
        return new NeedId(value);
    }

    /** Ids are made at the edge, never inside an aggregate. */
    public static NeedId random() {
        return new NeedId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}

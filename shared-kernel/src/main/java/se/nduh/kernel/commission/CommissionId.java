package se.nduh.kernel.commission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a commission (uppdrag). */
public record CommissionId(@JsonValue String value) {

    public CommissionId {
        Objects.requireNonNull(value, "commission id");
    }

    @JsonCreator
    public static CommissionId of(String value) {
        return new CommissionId(value);
    }

    public static CommissionId random() {
        return new CommissionId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}

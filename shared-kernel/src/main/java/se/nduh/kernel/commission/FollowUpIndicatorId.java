package se.nduh.kernel.commission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * Names an indicator of a commission's follow-up plan within its terms, as the drafter chose it (such as
 * {@code i-hba1c}); outcomes are recorded against it.
 */
public record FollowUpIndicatorId(@JsonValue String value) {

    public FollowUpIndicatorId {
        Objects.requireNonNull(value, "follow-up indicator id");
    }

    @JsonCreator
    public static FollowUpIndicatorId of(String value) {
        return new FollowUpIndicatorId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

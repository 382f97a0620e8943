package se.nduh.kernel.commission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** Names a long-term goal within its commission's terms, as the drafter chose it (such as {@code g-1}). */
public record GoalId(@JsonValue String value) {

    public GoalId {
        Objects.requireNonNull(value, "goal id");
    }

    @JsonCreator
    public static GoalId of(String value) {
        return new GoalId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

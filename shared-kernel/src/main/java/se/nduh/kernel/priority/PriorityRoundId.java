package se.nduh.kernel.priority;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import se.nduh.kernel.region.RegionCode;

import java.util.Objects;

/**
 * A region's priority round for a budget year, e.g. {@code halland-2026}: one per region and year, so that
 * at most one can be open, and reopening it continues the same history.
 */
public record PriorityRoundId(@JsonValue String value) {

    public PriorityRoundId {
        Objects.requireNonNull(value, "priority round id");
    }

    @JsonCreator
    public static PriorityRoundId of(String value) {
        return new PriorityRoundId(value);
    }

    public static PriorityRoundId of(RegionCode region, int budgetYear) {
        return new PriorityRoundId(region.value() + "-" + budgetYear);
    }

    /** The budget year the round is for: the id ends with it. */
    public int budgetYear() {
        return Integer.parseInt(value.substring(value.lastIndexOf('-') + 1));
    }

    @Override
    public String toString() {
        return value;
    }
}

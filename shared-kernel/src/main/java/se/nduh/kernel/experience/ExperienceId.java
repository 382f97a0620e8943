package se.nduh.kernel.experience;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a shared experience across its whole life, in the region and in the network. */
public record ExperienceId(@JsonValue String value) {

    public ExperienceId {
        Objects.requireNonNull(value, "experience id");
    }

    @JsonCreator
    public static ExperienceId of(String value) {
        return new ExperienceId(value);
    }

    /** Ids are made at the edge, never inside an aggregate. */
    public static ExperienceId random() {
        return new ExperienceId(UUID.randomUUID().toString());
    }

    /**
     * The id of the network's curation of this experience: an aggregate of its own in the network's event store,
     * which in the single-machine run is the regions' store too.
     */
    public String curationId() {
        return "best-practice-" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}

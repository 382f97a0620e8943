package se.nduh.kernel.experience;

import com.fasterxml.jackson.annotation.JsonInclude;
import se.nduh.kernel.need.KindOfEffort;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * The published language of shared experiences: what a region released, as it goes on {@value #TOPIC}. Its own
 * versioned record, separate from the domain events; it names the region (the region speaks for itself) and
 * holds no user ids or names. Its JSON Schema is {@value #SCHEMA_RESOURCE}, beside this class.
 *
 * @param schemaVersion the version of this record's JSON schema ({@link #SCHEMA_VERSION})
 * @param experienceId  the experience, also the Kafka key (one compacted entry per experience)
 * @param region        the releasing region's code
 * @param contactRole   a role to ask, never a person
 * @param releasedOn    the date of the elected officials' decision
 * @param revision      grows whenever the released experience changes; consumers keep only the newest
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReleasedExperience(int schemaVersion, String experienceId, String region, String title, StrategicArea area,
                                 String summary, Set<KindOfEffort> kindsOfEffort, String contactRole, LocalDate releasedOn,
                                 long revision) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TOPIC = "nduh.experiences.v1";
    public static final String DEAD_LETTER_TOPIC = "nduh.experiences.dlq.v1";
    public static final String SCHEMA_RESOURCE = "/se/nduh/kernel/experience/released-experience.v1.schema.json";

    public ReleasedExperience {
        Objects.requireNonNull(experienceId, "experienceId");
        Objects.requireNonNull(region, "region");
        kindsOfEffort = KindOfEffort.setOf(kindsOfEffort == null ? Set.of() : kindsOfEffort);
    }

    /** What the network is told of a release, from the region's event. */
    public static ReleasedExperience of(ExperienceReleased event, long revision) {
        return new ReleasedExperience(SCHEMA_VERSION, event.experienceId().value(), event.region().value(), event.title(),
                event.area(), event.summary(), event.kindsOfEffort(), event.contactRole(), event.releasedOn(), revision);
    }

    /** The Kafka key: one compacted entry per experience. */
    public String key() {
        return experienceId;
    }
}

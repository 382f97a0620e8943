package se.nduh.kernel.experience;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The published language of the curated library: what the network's coordinators decided about one released
 * experience, as the network's deployment puts it on {@value #TOPIC} for every region's deployment. Curated, with
 * tags, why and when; or retired, with the reason. Signed with the network's key; holds no user ids or names. Its
 * JSON Schema is {@value #SCHEMA_RESOURCE}, beside this class.
 *
 * @param experienceId the released experience, also the Kafka key (one compacted entry per experience)
 * @param region       the region that released it
 * @param revision     the sequence number of the curation event: consumers keep only the newest
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BestPracticeEntry(int schemaVersion, String experienceId, String region, boolean curated, Set<String> tags,
                                String why, Instant curatedAt, String retirementReason, long revision) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TOPIC = "nduh.best-practice.v1";
    public static final String DEAD_LETTER_TOPIC = "nduh.best-practice.dlq.v1";
    public static final String SCHEMA_RESOURCE = "/se/nduh/kernel/experience/best-practice-entry.v1.schema.json";
    /** The name of the network's key among the keys a deployment holds, beside its regions' codes. */
    public static final String NETWORK_KEY = "network";

    public BestPracticeEntry {
        Objects.requireNonNull(experienceId, "experienceId");
        Objects.requireNonNull(region, "region");
        tags = tags == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(tags));
    }

    public static BestPracticeEntry of(BestPracticeCurated event, Instant at, long revision) {
        return new BestPracticeEntry(SCHEMA_VERSION, event.experienceId().value(), event.region().value(), true, event.tags(),
                event.why(), at, null, revision);
    }

    public static BestPracticeEntry of(BestPracticeRetired event, long revision) {
        return new BestPracticeEntry(SCHEMA_VERSION, event.experienceId().value(), event.region().value(), false, Set.of(),
                null, null, event.reason(), revision);
    }

    /** The Kafka key: one compacted entry per experience. */
    public String key() {
        return experienceId;
    }
}

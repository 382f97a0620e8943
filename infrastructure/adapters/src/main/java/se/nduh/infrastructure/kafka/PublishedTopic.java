package se.nduh.infrastructure.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import se.nduh.kernel.comparison.AnonymisationPolicy;
import se.nduh.kernel.comparison.ComparisonRecord;
import se.nduh.kernel.experience.BestPracticeEntry;
import se.nduh.kernel.experience.ReleasedExperience;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A topic of the published language, the same definition on both ends: its name, the record type on it, where
 * records that cannot be applied go, the record's schema, its Kafka key, and who may sign it.
 *
 * @param <T> the published record type
 */
public record PublishedTopic<T>(String name, Class<T> type, String deadLetterTopic, PublishedSchema schema,
                                Function<JsonNode, String> keyOf, SignerRule signers) {

    private static final Pattern PSEUDONYM = Pattern.compile("r-[0-9a-f]{16}");

    /**
     * {@value ComparisonRecord#TOPIC}: a record under a pseudonym (and its tombstone) must be signed by the key
     * whose hash the pseudonym is; one under a region's code, by that region's own key.
     */
    public static PublishedTopic<ComparisonRecord> comparisons(RegionPublicKeys regions) {
        return new PublishedTopic<>(ComparisonRecord.TOPIC, ComparisonRecord.class, ComparisonRecord.DEAD_LETTER_TOPIC,
                PublishedSchema.COMPARISON,
                record -> ComparisonRecord.key(record.path("metric").asText(), record.path("period").asText(), record.path("region").asText()),
                (signer, key, value) -> {
                    String region = key.substring(key.lastIndexOf('|') + 1);
                    if (PSEUDONYM.matcher(region).matches()) {
                        return AnonymisationPolicy.pseudonymOf(signer).equals(region) ? Optional.empty()
                                : Optional.of("not signed by the key of the pseudonym " + region);
                    }
                    return signedBy(regions, region, signer, "the key of region " + region);
                });
    }

    /** {@value ReleasedExperience#TOPIC}: signed by the releasing region's own key; never retracted. */
    public static PublishedTopic<ReleasedExperience> releasedExperiences(RegionPublicKeys regions) {
        return new PublishedTopic<>(ReleasedExperience.TOPIC, ReleasedExperience.class, ReleasedExperience.DEAD_LETTER_TOPIC,
                PublishedSchema.RELEASED_EXPERIENCE, record -> record.path("experienceId").asText(),
                (signer, key, value) -> value == null ? Optional.of("a released experience is never retracted")
                        : signedBy(regions, value.path("region").asText(), signer, "the key of region " + value.path("region").asText()));
    }

    /** {@value BestPracticeEntry#TOPIC}: signed by the network's key, the coordinators' deployment's; never retracted. */
    public static PublishedTopic<BestPracticeEntry> bestPractice(RegionPublicKeys keys) {
        return new PublishedTopic<>(BestPracticeEntry.TOPIC, BestPracticeEntry.class, BestPracticeEntry.DEAD_LETTER_TOPIC,
                PublishedSchema.BEST_PRACTICE_ENTRY, record -> record.path("experienceId").asText(),
                (signer, key, value) -> value == null ? Optional.of("an entry of the library is never retracted")
                        : signedBy(keys, BestPracticeEntry.NETWORK_KEY, signer, "the network's key"));
    }

    /** Nothing, when the signer's key is the one kept for {@code owner}; otherwise why the record is refused. */
    private static Optional<String> signedBy(RegionPublicKeys keys, String owner, byte[] signer, String whoseKey) {
        return keys.of(owner).filter(known -> Arrays.equals(known, signer)).isPresent() ? Optional.empty()
                : Optional.of("not signed by " + whoseKey);
    }
}

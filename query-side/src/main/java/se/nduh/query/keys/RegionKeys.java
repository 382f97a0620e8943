package se.nduh.query.keys;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.nduh.kernel.comparison.AnonymisationPolicy;
import se.nduh.kernel.experience.BestPracticeEntry;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.signing.RecordSignatures;
import se.nduh.kernel.signing.SigningKey;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each served region's secret key (and the network's, in the network's deployment), from which its pseudonyms and signing keys are derived, kept in a properties file that never leaves the deployment
 * (never committed, never on Kafka). A region without a key gets a new random one on first use; production
 * gives the file by configuration.
 */
@Component
public class RegionKeys {

    private final Path file;
    private final Properties keys = new Properties();
    private final SecureRandom random = new SecureRandom();
    /**
     * Keys and pseudonyms derived from the secret keys, by region (and period): each derivation is an Ed25519 key
     * generation, asked for by every benchmark view and signed record, and a region's secret key never changes once
     * made. A few per region and budget year.
     */
    private final Map<String, SigningKey> signingKeys = new ConcurrentHashMap<>();
    private final Map<String, String> pseudonyms = new ConcurrentHashMap<>();

    public RegionKeys(@Value("${nduh.anonymisation.keys-file}") Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                keys.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the region keys " + file, e);
            }
        }
    }

    public byte[] keyOf(RegionCode region) {
        return keyOf(region.value());
    }

    private synchronized byte[] keyOf(String name) {
        String key = keys.getProperty(name);
        if (key == null) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            key = Base64.getEncoder().encodeToString(fresh);
            keys.setProperty(name, key);
            save();
        }
        return Base64.getDecoder().decode(key);
    }

    /**
     * The region's pseudonym for the period, or empty when the region has no key here yet (then it has
     * published nothing under a pseudonym from this deployment). Unlike {@link #keyOf}, it never makes a key.
     */
    public Optional<String> pseudonymOf(RegionCode region, Period period) {
        // A map keeps nothing for null: a region without a key is looked up again next time.
        return Optional.ofNullable(pseudonyms.computeIfAbsent(region.value() + "|" + period.value(), each -> {
            String key = keys.getProperty(region.value());
            return key == null ? null : AnonymisationPolicy.pseudonym(Base64.getDecoder().decode(key), period);
        }));
    }

    /** The key that signs what names the region, derived from its secret key (made now if it has none yet). */
    public SigningKey regionSigningKey(RegionCode region) {
        return signingKeys.computeIfAbsent(region.value(), name -> RecordSignatures.regionKey(keyOf(name)));
    }

    /**
     * The key that signs the curated library, held by the network's deployment only ({@value BestPracticeEntry#NETWORK_KEY}
     * in the keys file; made now if there is none yet).
     */
    public SigningKey networkSigningKey() {
        return signingKeys.computeIfAbsent(BestPracticeEntry.NETWORK_KEY, name -> RecordSignatures.regionKey(keyOf(name)));
    }

    /**
     * The key that signs the region's comparison record (or tombstone) under a Kafka key {@code metric|period|region}:
     * the region's own under its code, else the key of the period's pseudonym.
     */
    public SigningKey comparisonSigningKey(RegionCode region, String kafkaKey) {
        String[] parts = kafkaKey.split("\\|");
        return parts[2].equals(region.value()) ? regionSigningKey(region)
                : signingKeys.computeIfAbsent(region.value() + "|" + parts[1],
                        each -> RecordSignatures.periodKey(keyOf(region), Period.of(parts[1])));
    }

    private void save() {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, "region-keys", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(temporary)) {
                keys.store(writer, "Secret pseudonym keys of the served regions: never share or commit");
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the region keys " + file, e);
        }
    }
}

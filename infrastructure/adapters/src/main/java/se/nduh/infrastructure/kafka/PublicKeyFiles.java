package se.nduh.infrastructure.kafka;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.nduh.kernel.signing.RecordSignatures;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The public signing keys a received record is checked against: those of the keys this deployment holds (its
 * served regions' and, in the network's deployment, the network's), derived from the secret keys file, and the
 * others' from the file {@code NDUH_REGION_PUBLIC_KEYS_FILE} ({@code name=base64} of the raw Ed25519 key). A name
 * not known reads both files again: the query side makes a served region's secret key when it first publishes,
 * and the command side of the same deployment learns of it so.
 */
@Component
public class PublicKeyFiles implements RegionPublicKeys {

    private final Path secretKeys;
    private final Path publicKeys;
    private final Map<String, byte[]> known = new HashMap<>();

    public PublicKeyFiles(@Value("${nduh.anonymisation.keys-file}") Path secretKeys,
                          @Value("${nduh.anonymisation.public-keys-file:}") String publicKeys) {
        this.secretKeys = secretKeys;
        this.publicKeys = publicKeys.isBlank() ? null : Path.of(publicKeys);
        if (this.publicKeys != null && !Files.exists(this.publicKeys)) {
            throw new IllegalStateException("The public keys file " + publicKeys + " does not exist");
        }
        reload();
    }

    @Override
    public synchronized Optional<byte[]> of(String name) {
        if (!known.containsKey(name)) {
            reload();
        }
        return Optional.ofNullable(known.get(name));
    }

    private void reload() {
        Map<String, byte[]> keys = new HashMap<>();
        read(publicKeys).forEach((name, key) -> keys.put(name, Base64.getDecoder().decode(key)));
        read(secretKeys).forEach((name, key) -> keys.put(name, RecordSignatures.regionKey(Base64.getDecoder().decode(key)).publicKey()));
        known.clear();
        known.putAll(keys);
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> entries = new HashMap<>();
        if (file == null || !Files.exists(file)) {
            return entries;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the keys file " + file, e);
        }
        properties.stringPropertyNames().forEach(name -> entries.put(name, properties.getProperty(name).strip()));
        return entries;
    }
}

package se.nduh.query.keys;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.nduh.infrastructure.kafka.RegionPublicKeys;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The public signing keys a received record is checked against: a served region's own, derived from its secret
 * key here, and the other regions' from the file {@code NDUH_REGION_PUBLIC_KEYS_FILE} ({@code region=base64}).
 */
@Component
class NetworkPublicKeys implements RegionPublicKeys {

    private final RegionKeys own;
    private final Properties configured = new Properties();

    NetworkPublicKeys(RegionKeys own, @Value("${nduh.anonymisation.public-keys-file:}") String file) {
        this.own = own;
        if (!file.isBlank()) {
            try (Reader reader = Files.newBufferedReader(Path.of(file))) {
                configured.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the regions' public keys " + file, e);
            }
        }
    }

    @Override
    public Optional<byte[]> of(String region) {
        return own.publicKeyOf(region).or(() -> Optional.ofNullable(configured.getProperty(region)).map(Base64.getDecoder()::decode));
    }
}

package se.nduh.localplatform.federation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.nduh.kernel.signing.RecordSignatures;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The federated run's keys: a secret key per deployment, kept in its own file and never replaced, and one public keys
 * file whose every key is the one {@link RecordSignatures#regionKey} derives from that secret, as the deployments do.
 */
class FederatedKeysTest {

    @TempDir
    Path dir;

    private final FederatedKeys keys = new FederatedKeys(new SecureRandom());

    @Test
    void every_deployment_gets_a_secret_key_of_its_own_and_the_public_file_holds_the_key_derived_from_each() throws IOException {
        Map<String, Path> deployments = deployments("network", "halland", "skane");

        keys.write(deployments, dir.resolve("public-keys.properties"));

        Properties published = read(dir.resolve("public-keys.properties"));
        assertThat(published.stringPropertyNames()).containsExactlyInAnyOrder("network", "halland", "skane");
        for (Map.Entry<String, Path> deployment : deployments.entrySet()) {
            Properties secrets = read(deployment.getValue());
            assertThat(secrets.stringPropertyNames()).containsExactly(deployment.getKey());
            byte[] secret = Base64.getDecoder().decode(secrets.getProperty(deployment.getKey()));
            assertThat(secret).hasSize(32);
            assertThat(Base64.getDecoder().decode(published.getProperty(deployment.getKey())))
                    .isEqualTo(RecordSignatures.regionKey(secret).publicKey());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(deployment.getValue()))).isEqualTo("rw-------");
        }
        assertThat(read(deployments.get("halland")).getProperty("halland"))
                .isNotEqualTo(read(deployments.get("skane")).getProperty("skane"));
    }

    @Test
    void a_second_run_keeps_every_secret_key_and_publishes_the_same_public_keys() throws IOException {
        Map<String, Path> deployments = deployments("network", "halland");
        keys.write(deployments, dir.resolve("public-keys.properties"));
        byte[] halland = Files.readAllBytes(deployments.get("halland"));
        Properties publishedFirst = read(dir.resolve("public-keys.properties"));

        keys.write(deployments, dir.resolve("public-keys.properties"));

        assertThat(Files.readAllBytes(deployments.get("halland"))).isEqualTo(halland);
        assertThat(read(dir.resolve("public-keys.properties"))).isEqualTo(publishedFirst);
    }

    @Test
    void a_keys_file_that_holds_the_key_already_is_kept_as_it_is() throws IOException {
        Path file = dir.resolve("halland").resolve("region-keys.properties");
        Files.createDirectories(file.getParent());
        byte[] existing = new byte[32];
        existing[0] = 7;
        String other = Base64.getEncoder().encodeToString(new byte[32]);
        Files.writeString(file, "halland=" + Base64.getEncoder().encodeToString(existing) + "\nkalmar=" + other + "\n");

        Map<String, byte[]> published = keys.write(Map.of("halland", file, "network", dir.resolve("network.properties")),
                dir.resolve("public-keys.properties"));

        assertThat(published.get("halland")).isEqualTo(RecordSignatures.regionKey(existing).publicKey());
        assertThat(read(file).getProperty("kalmar")).isEqualTo(other);
    }

    @Test
    void a_name_that_is_no_region_code_is_refused() {
        assertThatThrownBy(() -> keys.write(Map.of("Halland=x", dir.resolve("x")), dir.resolve("public-keys.properties")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Map<String, Path> deployments(String... names) {
        Map<String, Path> deployments = new LinkedHashMap<>();
        for (String name : names) {
            deployments.put(name, dir.resolve(name).resolve("region-keys.properties"));
        }
        return deployments;
    }

    private static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}

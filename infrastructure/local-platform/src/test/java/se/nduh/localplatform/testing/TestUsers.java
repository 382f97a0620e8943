package se.nduh.localplatform.testing;

import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.localplatform.demo.DemoUserGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The demo users of the tests, made by the same generator as {@code ./nduh up} (one per region and role,
 * plus {@code samordnare-1} and {@code -2}), all with one known password and a cheap bcrypt cost.
 */
public final class TestUsers {

    public static final String PASSWORD = "test-password";
    private static Path file;

    private TestUsers() {
    }

    public static synchronized Path file() {
        if (file == null) {
            Path dir = RunningServers.scratch().resolve("users");
            try {
                DemoUserGenerator.write(dir, DemoUserGenerator.demoUsers(
                        new RegionDirectory(new ClassPathResource("nduh/regions.csv")).all(), () -> PASSWORD),
                        new BCryptPasswordEncoder(4), new SecureRandom());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            file = dir.resolve("users.csv");
        }
        return file;
    }

    /** The HTTP Basic header value of a demo user, e.g. {@code basic("halland-tjansteperson")}. */
    public static String basic(String username) {
        return basic(username, PASSWORD);
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

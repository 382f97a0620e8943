package se.nduh.localplatform.testing;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import se.nduh.localplatform.embedded.EmbeddedKafka;
import se.nduh.localplatform.embedded.EmbeddedMongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real servers of the integration tests, started once per test JVM: the MongoDB-protocol server
 * (memory backend) and a KRaft Kafka broker, both on free loopback ports. Each Spring context gets its
 * own databases, consumer group and key file, so contexts never see each other's data. At exit the broker
 * stops first, then the MongoDB server, then the scratch directory goes.
 */
public final class RunningServers {

    private static final AtomicInteger contexts = new AtomicInteger();
    private static EmbeddedMongo mongo;
    private static EmbeddedKafka kafka;
    private static int kafkaPort;
    private static int kafkaControllerPort;
    private static Path scratch;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(RunningServers::stopAll, "running-servers-shutdown"));
    }

    private RunningServers() {
    }

    public static synchronized EmbeddedMongo mongo() {
        if (mongo == null) {
            mongo = EmbeddedMongo.inMemory();
        }
        return mongo;
    }

    public static synchronized EmbeddedKafka kafka() {
        if (kafka == null) {
            kafkaPort = EmbeddedKafka.freePort();
            kafkaControllerPort = EmbeddedKafka.freePort();
            startKafka();
        }
        return kafka;
    }

    /**
     * Stops the shared broker while {@code outage} runs, then starts it again on the same ports and log even when the
     * outage fails: every context of the run knows the broker by that one address, and its topics must still be there.
     */
    public static void withKafkaStopped(Runnable outage) {
        kafka().close();
        try {
            outage.run();
        } finally {
            startKafka();
        }
    }

    private static synchronized void startKafka() {
        kafka = EmbeddedKafka.start(scratch().resolve("kafka"), kafkaPort, kafkaControllerPort);
    }

    public static synchronized Path scratch() {
        if (scratch == null) {
            try {
                scratch = Files.createTempDirectory("nduh-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scratch;
    }

    /**
     * Points a Spring context at the servers, with databases, a consumer group and a key file of its own: the
     * initializer of {@link PlatformIT}, run once for each context the test framework starts (and caches).
     */
    public static final class ContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            int number = contexts.incrementAndGet();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("running-servers", Map.of(
                    "nduh.mongodb.uri", mongo().connectionString(),
                    "nduh.mongodb.events-database", "events_" + number,
                    "nduh.mongodb.read-database", "read_" + number,
                    "nduh.kafka.bootstrap-servers", kafka().bootstrapServers(),
                    "nduh.security.users-file", TestUsers.file().toString(),
                    "nduh.security.delegation-secret-file", scratch().resolve("page-delegation.secret").toString(),
                    "nduh.anonymisation.keys-file", scratch().resolve("keys-" + number + ".properties").toString())));
        }
    }

    private static synchronized void stopAll() {
        if (kafka != null) {
            kafka.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (scratch != null) {
            try (var paths = Files.walk(scratch)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary directory: the system cleans up what is left
            }
        }
    }
}

package se.nduh.localplatform.testing;

import org.springframework.test.context.DynamicPropertyRegistry;
import se.nduh.localplatform.embedded.EmbeddedKafka;
import se.nduh.localplatform.embedded.EmbeddedMongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
            kafka = EmbeddedKafka.onFreePorts(scratch().resolve("kafka"));
        }
        return kafka;
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

    /** Points a Spring context at the servers, with databases of its own. */
    public static void register(DynamicPropertyRegistry registry) {
        int context = contexts.incrementAndGet();
        registry.add("nduh.mongodb.uri", () -> mongo().connectionString());
        registry.add("nduh.mongodb.events-database", () -> "events_" + context);
        registry.add("nduh.mongodb.read-database", () -> "read_" + context);
        registry.add("nduh.kafka.bootstrap-servers", () -> kafka().bootstrapServers());
        registry.add("nduh.kafka.consumer-group", () -> "test-group-" + context);
        registry.add("nduh.security.users-file", () -> TestUsers.file().toString());
        registry.add("nduh.anonymisation.keys-file", () -> scratch().resolve("keys-" + context + ".properties").toString());
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

package se.nduh.localplatform.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The single-machine infrastructure process: the MongoDB-protocol server (data under {@code data/mongo/})
 * and the Kafka broker (log under {@code data/kafka/}). Configured by environment variables; a graceful
 * stop (SIGTERM) closes both so that no acknowledged write is lost.
 */
public final class EmbeddedServers {

    static {
        // Before the first logger: the process has no Spring Boot to configure logging, and logback's default is DEBUG.
        System.setProperty("logback.configurationFile", "nduh/embedded-logback.xml");
    }

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);

    private EmbeddedServers() {
    }

    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        Path dataDir = Path.of(env("NDUH_DATA_DIR", "data"));
        int mongoPort = Integer.parseInt(env("NDUH_MONGO_PORT", "27017"));
        int kafkaPort = Integer.parseInt(env("NDUH_KAFKA_PORT", "9092"));
        int controllerPort = Integer.parseInt(env("NDUH_KAFKA_CONTROLLER_PORT", "9093"));
        for (int port : new int[] {mongoPort, kafkaPort, controllerPort}) {
            requireFree(port);
        }

        EmbeddedMongo mongo = EmbeddedMongo.persistent(dataDir.resolve("mongo").resolve("nduh.mv"), "127.0.0.1", mongoPort);
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), kafkaPort, controllerPort);
        } catch (RuntimeException e) {
            // MongoDB's threads would keep a half-started process alive, holding its port.
            log.error("The Kafka broker did not start", e);
            mongo.close();
            System.exit(4);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the embedded servers");
            kafka.close();
            mongo.close();
            stopped.countDown();
        }, "embedded-servers-shutdown"));

        log.info("Embedded servers ready in {} ms: MongoDB {} Kafka {}",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), mongo.connectionString(), kafka.bootstrapServers());
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            log.error("Port {} is already taken by another program; free it or choose another port", port);
            System.exit(3);
        }
    }
}

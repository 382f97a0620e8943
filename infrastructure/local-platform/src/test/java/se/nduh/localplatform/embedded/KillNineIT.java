package se.nduh.localplatform.embedded;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.awaitility.core.TerminalFailureException;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The infrastructure process of the default run, killed with {@code kill -9} in the middle of a burst of writes from
 * several clients, each a write that need not wait for the journal followed by one that asks for it (as the event
 * store's counter and its events are): after a restart on the same data, every write acknowledged with the journal is
 * there, and so is every write before it.
 */
class KillNineIT {

    private static final int CLIENTS = 4;

    @TempDir
    Path data;

    @Test
    void every_journaled_write_and_every_write_before_it_survive_kill_9_of_the_infrastructure_process() throws Exception {
        int mongoPort = freePort();
        Process infrastructure = start(mongoPort);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort
                + "/?journal=true&connectTimeoutMS=2000&serverSelectionTimeoutMS=2000")) {
            MongoCollection<Document> writes = client.getDatabase("crash").getCollection("writes");
            MongoCollection<Document> unjournaled = writes.withWriteConcern(WriteConcern.W1);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> writes.countDocuments() >= 0);
            List<Future<?>> bursts = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int clientNumber = c;
                bursts.add(clients.submit(() -> {
                    for (int i = 0; ; i++) {
                        String id = clientNumber + "-" + i;
                        unjournaled.insertOne(new Document("_id", "before-" + id).append("payload", "x".repeat(200)));
                        writes.insertOne(new Document("_id", id).append("payload", "x".repeat(200)));
                        acknowledged.add(id);
                        acknowledged.add("before-" + id);
                    }
                }));
            }
            try {
                await().atMost(Duration.ofSeconds(60)).failFast("the infrastructure process exited", () -> !infrastructure.isAlive())
                        .until(() -> acknowledged.size() >= 1_000);
            } catch (TerminalFailureException exited) {
                // Once in CI it left within 10 s of answering, before any write was acknowledged: say why, from its log.
                throw new AssertionError(exited.getMessage() + "; its log ends:\n" + infrastructureLog(), exited);
            }
            infrastructure.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            for (Future<?> burst : bursts) {
                burst.cancel(true);
            }
        } finally {
            clients.shutdownNow();
            infrastructure.destroyForcibly();
        }
        int before = acknowledged.size();

        Process restarted = start(mongoPort);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            MongoCollection<Document> writes = client.getDatabase("crash").getCollection("writes");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> writes.countDocuments() >= 0);
            long found = writes.countDocuments(Filters.in("_id", acknowledged));
            assertThat(found).as("acknowledged writes found after kill -9 (of %d)", before).isEqualTo(before);
        } finally {
            restarted.destroy();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The infrastructure process as {@code ./nduh up} starts it, on free ports, with this test's data. */
    private Process start(int mongoPort) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), EmbeddedServers.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("infrastructure.log").toFile());
        builder.environment().putAll(Map.of("NDUH_DATA_DIR", data.toString(), "NDUH_MONGO_PORT", String.valueOf(mongoPort),
                "NDUH_KAFKA_PORT", String.valueOf(freePort()), "NDUH_KAFKA_CONTROLLER_PORT", String.valueOf(freePort())));
        return builder.start();
    }

    /** The last lines the infrastructure process wrote. */
    private String infrastructureLog() throws IOException {
        List<String> lines = Files.readAllLines(data.resolve("infrastructure.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

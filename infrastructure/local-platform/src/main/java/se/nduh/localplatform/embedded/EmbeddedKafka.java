package se.nduh.localplatform.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one), on loopback: a single node for the local
 * run, or one node of a small cluster ({@link #cluster}) whose nodes are the controller quorum together. The log
 * directory is formatted once; a broker restarted on the same directory keeps its topics.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final String CONTROLLER = "CONTROLLER";
    /** How many times running each broker must list every broker before a cluster counts as started. */
    private static final int EVERY_BROKER_SEEN = 5;

    private final KafkaRaftServer server;
    private final int port;

    /** One node: {@code voters} lists every node's id and controller port, its own among them. */
    private EmbeddedKafka(Path logDir, int nodeId, int port, Map<Integer, Integer> voters, String clusterId) {
        this.port = port;
        try {
            Files.createDirectories(logDir);
            KafkaConfig config = KafkaConfig.fromProps(brokerProperties(logDir, nodeId, port, voters));
            // Formatting writes a new cluster id: only a new directory is formatted, or the broker refuses its own log.
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                new Formatter()
                        .setNodeId(nodeId)
                        .setClusterId(clusterId)
                        .addDirectory(logDir.toString())
                        .setMetadataLogDirectory(logDir.toString())
                        .setControllerListenerName(CONTROLLER)
                        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                        .setPrintStream(System.out)
                        .run();
            }
            this.server = new KafkaRaftServer(config, Time.SYSTEM);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka log directory " + logDir, e);
        }
    }

    public static EmbeddedKafka start(Path logDir, int port, int controllerPort) {
        EmbeddedKafka kafka = new EmbeddedKafka(logDir, 1, port, Map.of(1, controllerPort), Uuid.randomUuid().toString());
        kafka.server.startup();
        return kafka;
    }

    /** A broker on free loopback ports with its log in {@code logDir}. */
    public static EmbeddedKafka onFreePorts(Path logDir) {
        return start(logDir, freePort(), freePort());
    }

    /**
     * A cluster of {@code nodes} brokers on free loopback ports, each also a voter of the controller quorum, with
     * their logs under {@code dir}; the brokers start together, since none is ready before a quorum is.
     */
    public static List<EmbeddedKafka> cluster(Path dir, int nodes) {
        Map<Integer, Integer> voters = new TreeMap<>();
        for (int node = 1; node <= nodes; node++) {
            voters.put(node, freePort());
        }
        String clusterId = Uuid.randomUuid().toString();
        List<EmbeddedKafka> brokers = voters.keySet().stream()
                .map(node -> new EmbeddedKafka(dir.resolve("node-" + node), node, freePort(), voters, clusterId)).toList();
        together(brokers, broker -> broker.server.startup());
        awaitEveryBroker(brokers);
        return brokers;
    }

    /**
     * Stops the brokers together: a broker stops once the controller quorum has let it go, and the last of a cluster
     * stopped one by one would wait minutes for a quorum no longer there.
     */
    public static void closeAll(List<EmbeddedKafka> brokers) {
        together(brokers, EmbeddedKafka::close);
    }

    private static void together(List<EmbeddedKafka> brokers, Consumer<EmbeddedKafka> step) {
        List<Thread> threads = brokers.stream().map(broker -> new Thread(() -> step.accept(broker), "kafka-node")).toList();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the Kafka cluster started or stopped", e);
            }
        }
    }

    /**
     * Returns once every broker's metadata lists every broker in service, several times running, so that a topic
     * created next, through whichever of them, is spread over them all. Once was not enough: a CI run's topic, created
     * just after, found one broker in service and got one replica, and 94 ms later found three.
     */
    private static void awaitEveryBroker(List<EmbeddedKafka> brokers) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            for (EmbeddedKafka broker : brokers) {
                // first this broker: a client's bootstrap list would let it ask any of them
                try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                    for (int running = 0; running < EVERY_BROKER_SEEN; ) {
                        running = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() < brokers.size() ? 0 : running + 1;
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("The Kafka cluster's brokers were not all in service within 60 s");
                        }
                        Thread.sleep(100);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the Kafka cluster started", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The Kafka cluster did not answer", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties brokerProperties(Path logDir, int nodeId, int port, Map<Integer, Integer> voters) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(nodeId));
        props.put("controller.quorum.voters", voters.entrySet().stream()
                .map(voter -> voter.getKey() + "@127.0.0.1:" + voter.getValue()).collect(Collectors.joining(",")));
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER + "://127.0.0.1:" + voters.get(nodeId));
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", CONTROLLER);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // Internal topics with a replica on each node up to three, and a write on all but one of them.
        String replicas = Integer.toString(Math.min(3, voters.size()));
        String inSync = Integer.toString(Math.max(1, Math.min(3, voters.size()) - 1));
        props.put("offsets.topic.replication.factor", replicas);
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", replicas);
        props.put("transaction.state.log.min.isr", inSync);
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        // Several nodes in one JVM on two busy cores can miss heartbeats for the default 9 s, and a broker fenced
        // then is left out of the count a topic's replicas come from (the likely cause of a CI run's topic that got
        // one replica on a cluster of three).
        props.put("broker.session.timeout.ms", "30000");
        return props;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

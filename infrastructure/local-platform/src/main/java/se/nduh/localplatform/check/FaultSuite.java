package se.nduh.localplatform.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import se.nduh.kernel.comparison.ComparisonRecord;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.localplatform.demo.DemoCredentials;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The crash part of the fault suite, against a platform that {@code ./nduh up} runs: for each process
 * (infrastructure, command side, query side) it sends a burst of {@code ProposeNeed} commands from several
 * clients, each with its own {@code Idempotency-Key}, kills the process with {@code SIGKILL} in the middle and
 * starts it again with {@code ./nduh up}; as a careful client would, each client sends a command that got no
 * answer again, with its key, until it is answered. Then every command must be in the event store exactly once
 * and shown by the query side exactly once, and every comparison figure the publisher made must be on the
 * board, each revision of a key with one value only. Prints a table; exits non-zero when anything was lost, duplicated or answered 500.
 *
 * <pre>java -cp … se.nduh.localplatform.check.FaultSuite LAUNCHER COMMAND_URL QUERY_URL DATA_DIR MONGODB_URI KAFKA</pre>
 */
public final class FaultSuite {

    private static final List<String> COMPONENTS = List.of("infrastructure", "command-side", "query-side");
    private static final int CLIENTS = 4;
    /** Commands acknowledged before the kill, and again after the restart, before the burst ends. */
    private static final int ACKNOWLEDGED_EACH_SIDE = 20;
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /**
     * How long the query side may take to show every need after a crash: it catches up on the whole burst after its
     * processors' back-off (up to a minute), and on a loaded 2-core CI machine that has taken close to three.
     */
    private static final Duration CATCH_UP = Duration.ofMinutes(5);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One command as a client keeps it: its key, the need it created once answered, and what it was answered. */
    private static final class Sent {
        final String key = UUID.randomUUID().toString();
        final int number;
        volatile String needId;

        Sent(int number) {
            this.number = number;
        }
    }

    /** What one fault did to the commands sent around it. */
    private record Row(String fault, int sent, int answeredAtOnce, int retried, int lost, int duplicated, int notShown,
                       int notInViews, int serverErrors) {
    }

    private final String launcher;
    private final String commandUrl;
    private final String queryUrl;
    private final Path dataDir;
    private final DemoCredentials passwords;
    private final MongoClient mongo;
    private final String kafka;
    private final AtomicInteger serverErrors = new AtomicInteger();
    /** The title of the needs this run proposes, before each command's number: its own, should the suite run again. */
    private final String burst = "Felprov-" + UUID.randomUUID().toString().substring(0, 8);

    private FaultSuite(String[] args) throws Exception {
        this.launcher = args[0];
        this.commandUrl = args[1];
        this.queryUrl = args[2];
        this.dataDir = Path.of(args[3]);
        this.passwords = DemoCredentials.read(dataDir);
        this.mongo = MongoClients.create(args[4]);
        this.kafka = args[5];
    }

    public static void main(String[] args) throws Exception {
        FaultSuite suite = new FaultSuite(args);
        List<Row> rows = new ArrayList<>();
        for (String component : COMPONENTS) {
            rows.add(suite.killInTheMiddleOfABurst(component));
        }
        boolean figuresConverged = suite.figuresConverge();
        int twiceOnTopic = suite.revisionsWithTwoValues();
        suite.mongo.close();

        System.out.println("| fault | commands sent | answered at once | sent again until answered | lost | duplicated "
                + "| not shown by the query side | not in the command side's views | 500s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(row -> System.out.printf("| %s | %d | %d | %d | %d | %d | %d | %d | %d |%n", row.fault(), row.sent(),
                row.answeredAtOnce(), row.retried(), row.lost(), row.duplicated(), row.notShown(), row.notInViews(),
                row.serverErrors()));
        System.out.printf("Comparison figures: every figure the publisher made is on the board: %s; revisions of a key "
                + "published with two values: %d%n", figuresConverged ? "yes" : "NO", twiceOnTopic);
        boolean passed = figuresConverged && twiceOnTopic == 0
                && rows.stream().allMatch(row -> row.lost() == 0 && row.duplicated() == 0 && row.notShown() == 0
                        && row.notInViews() == 0 && row.serverErrors() == 0);
        System.out.println(passed ? "Fault suite passed" : "Fault suite FAILED");
        System.exit(passed ? 0 : 1);
    }

    private Row killInTheMiddleOfABurst(String component) throws Exception {
        String region = passwords.regionsWith("tjansteperson").get(COMPONENTS.indexOf(component));
        long needsBefore = needsOf(region);
        List<Sent> sent = new CopyOnWriteArrayList<>();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        AtomicBoolean sending = new AtomicBoolean(true);
        serverErrors.set(0);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger numbers = new AtomicInteger();
        for (int client = 0; client < CLIENTS; client++) {
            clients.submit(() -> {
                while (sending.get()) {
                    Sent command = new Sent(numbers.incrementAndGet());
                    sent.add(command);
                    if (!propose(region, command)) {
                        retried.incrementAndGet();
                        await(() -> pause() && propose(region, command), "an answer to a command sent again");
                    }
                    answered.incrementAndGet();
                }
                return null;
            });
        }
        await(() -> answered.get() >= ACKNOWLEDGED_EACH_SIDE, "the burst's first answers");
        kill(component);
        run(launcher, "up");
        int answeredAfterRestart = answered.get();
        await(() -> answered.get() >= answeredAfterRestart + ACKNOWLEDGED_EACH_SIDE, "answers after the restart");
        sending.set(false);
        clients.shutdown();
        if (!clients.awaitTermination(PATIENCE.toMinutes(), TimeUnit.MINUTES)) {
            throw new IllegalStateException("The clients did not finish");
        }

        int lost = 0;
        int duplicated = 0;
        Map<Integer, List<String>> storedAs = proposedInTheBurst(region);
        for (Sent command : sent) {
            List<String> needs = storedAs.getOrDefault(command.number, List.of());
            lost += needs.contains(command.needId) ? 0 : 1;
            if (needs.size() > 1) {
                duplicated += needs.size() - 1;
                System.out.printf("After `kill -9` %s: command %d (answered as need %s) is in the event store as needs %s%n",
                        component, command.number, command.needId, needs);
            }
        }
        long expected = needsBefore + storedAs.values().stream().mapToInt(List::size).sum();
        long shown = awaitCount(() -> needsOf(region), expected);
        if (shown > expected) {
            duplicated += (int) (shown - expected);
            System.out.printf("After `kill -9` %s: the query side shows %d needs, %d more than the event store holds%n",
                    component, shown, shown - expected);
        }
        int notShown = (int) Math.max(0, expected - shown);
        if (notShown > 0) {
            explainQuerySide(component, expected, shown);
        }
        // The needs the command side's own view holds, which ranking asks: one the kill kept from it is written when it is repaired.
        List<String> stored = storedAs.values().stream().flatMap(List::stream).toList();
        MongoCollection<Document> standings = mongo.getDatabase("nduh_events").getCollection("need_standings");
        int notInViews = stored.size() - (int) awaitCount(() -> standings.countDocuments(Filters.in("_id", stored)), stored.size());
        return new Row("`kill -9` " + component + " mid-burst, then `./nduh up`", sent.size(), sent.size() - retried.get(),
                retried.get(), lost, duplicated, notShown, notInViews, serverErrors.get());
    }

    /** The needs the event store holds for each command of the burst in the region, by the command's number. */
    private Map<Integer, List<String>> proposedInTheBurst(String region) {
        Map<Integer, List<String>> storedAs = new HashMap<>();
        mongo.getDatabase("nduh_events").getCollection("domainevents")
                .find(Filters.and(Filters.eq("payloadType", NeedProposed.class.getName()),
                        Filters.regex("serializedPayload", "\"" + burst + " ")))
                .forEach(event -> {
                    JsonNode need = readTree(event.getString("serializedPayload"));
                    String title = need.get("title").asText();
                    if (region.equals(need.get("region").asText()) && title.startsWith(burst + " ")) {
                        storedAs.computeIfAbsent(Integer.parseInt(title.substring(burst.length() + 1)), number -> new ArrayList<>())
                                .add(event.getString("aggregateIdentifier"));
                    }
                });
        return storedAs;
    }

    /** A count once it reaches at least {@code expected}, or when patience ends (the query side catching up, a view repaired). */
    private static long awaitCount(LongSupplier count, long expected) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        long counted = count.getAsLong();
        while (counted < expected && System.nanoTime() < deadline) {
            pause();
            counted = count.getAsLong();
        }
        return counted;
    }

    /** What an operator would look at first: the query side's health and the warnings it logged last. */
    private void explainQuerySide(String component, long expected, long shown) {
        System.out.printf("After `kill -9` %s the query side showed %d of %d needs after %d min. Its health:%n", component, shown,
                expected, CATCH_UP.toMinutes());
        send(HttpRequest.newBuilder(URI.create(queryUrl + "/actuator/health")).GET(), "drift-1")
                .ifPresentOrElse(health -> System.out.println(health.body()), () -> System.out.println("(no answer)"));
        try {
            List<String> warnings = Files.readAllLines(dataDir.resolve("logs").resolve("query-side.log")).stream()
                    .filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                    .filter(line -> !line.contains("org.apache.kafka.clients.NetworkClient")).toList(); // the broker's restart, not news
            warnings.subList(Math.max(0, warnings.size() - 40), warnings.size())
                    .forEach(line -> System.out.println("query-side.log: " + line));
        } catch (java.io.IOException e) {
            System.out.println("No query-side log: " + e);
        }
    }

    /** A client's pause before it sends a command again; true, to chain before the sending. */
    private static boolean pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** True once the command side answered 201; a 500 is counted, anything else is for sending again. */
    private boolean propose(String region, Sent command) {
        String body = NeedProposals.body(burst, command.number);
        Optional<HttpResponse<String>> response = send(HttpRequest.newBuilder(URI.create(commandUrl + "/api/v1/regions/" + region + "/needs"))
                .header("Content-Type", "application/json").header("Idempotency-Key", command.key)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), region + "-tjansteperson");
        if (response.isEmpty()) {
            return false;
        }
        if (response.get().statusCode() == 500) {
            serverErrors.incrementAndGet();
            System.out.println("500 from ProposeNeed: " + response.get().body());
        }
        if (response.get().statusCode() != 201) {
            return false;
        }
        try {
            command.needId = JSON.readTree(response.get().body()).get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException("A 201 without a need id: " + response.get().body(), e);
        }
        return true;
    }

    private long needsOf(String region) {
        return send(HttpRequest.newBuilder(URI.create(queryUrl + "/api/v1/regions/" + region + "/needs?size=1")).GET(), region + "-revisor")
                .filter(response -> response.statusCode() == 200)
                .map(response -> {
                    try {
                        return JSON.readTree(response.body()).get("total").asLong();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).orElse(-1L);
    }

    /** The answer, or empty when the process did not answer (refused, reset, or timed out). */
    private Optional<HttpResponse<String>> send(HttpRequest.Builder request, String user) {
        try {
            return Optional.of(HTTP.send(request.header("Authorization", passwords.basic(user))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void kill(String component) throws Exception {
        long pid = Long.parseLong(Files.readString(dataDir.resolve("run").resolve(component + ".pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(component + " is not running"));
        process.destroyForcibly(); // SIGKILL on Linux
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** Every figure the publisher made is settled and on the board with its revision. */
    private boolean figuresConverge() {
        MongoCollection<Document> figures = mongo.getDatabase("nduh_read").getCollection("comparison_figures");
        MongoCollection<Document> board = mongo.getDatabase("nduh_read").getCollection("comparisons");
        try {
            await(() -> {
                for (Document figure : figures.find()) {
                    if (figure.getBoolean("pending", false)) {
                        return false;
                    }
                    if (figure.getBoolean("gone", false)) {
                        continue;
                    }
                    JsonNode record = readTree(figure.getString("record"));
                    String key = ComparisonRecord.key(record.get("metric").asText(), record.get("period").asText(), record.get("region").asText());
                    Document shown = board.find(Filters.eq("_id", key)).first();
                    if (shown == null || shown.get("_version", Number.class).longValue() != record.get("revision").asLong()) {
                        return false;
                    }
                }
                return true;
            }, "the board to hold every figure");
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** How many (key, revision) pairs the comparison topic holds with two different values. */
    private int revisionsWithTwoValues() {
        Map<String, String> valueOf = new HashMap<>();
        Set<String> twice = new java.util.HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(ComparisonRecord.TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        String revision = record.key() + "@" + readTree(record.value()).get("revision").asText();
                        String before = valueOf.putIfAbsent(revision, record.value());
                        if (before != null && !before.equals(record.value())) {
                            twice.add(revision);
                        }
                    }
                }
            }
        }
        return twice.size();
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls a condition of other processes (nothing here to subscribe to) until it holds or patience ends. */
    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Waited " + PATIENCE.toMinutes() + " min for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

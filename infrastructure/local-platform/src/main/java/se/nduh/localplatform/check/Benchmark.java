package se.nduh.localplatform.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import se.nduh.localplatform.demo.DemoCredentials;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * The speed benchmark of a running platform ({@code ./nduh bench}): drives load over HTTP on loopback as the demo
 * users, measures in the same run what the servers themselves can do with their own drivers ({@link RawLimits}),
 * and prints one table of figure, value, raw limit, ratio, target and whether it is met, with the store size and
 * the machine it ran on. It asserts nothing: it exits non-zero only when the platform is not up, before or after.
 *
 * <p>It changes the data: every {@code ProposeNeed} it sends stays in the event store and the need registry, and
 * it rebuilds the {@code needs} projection; the round it ranks over and over for the audit replay (budget year
 * {@value #LONG_ROUND_YEAR}) stays too, and a later run goes on from it. With {@code --events N} it first proposes
 * needs from 8 clients until the event store holds N events.
 *
 * <pre>java -cp … se.nduh.localplatform.check.Benchmark COMMAND_URL QUERY_URL DATA_DIR MONGODB_URI KAFKA [--events N] [--short] [--out FILE]</pre>
 */
public final class Benchmark {

    static {
        // Before the first logger: the drivers' clients log their set-up at INFO, between the benchmark's own lines.
        System.setProperty("logback.configurationFile", "nduh/check-logback.xml");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR = "drift-1";
    private static final int MANY = 8;
    private static final int READERS = 16;
    /** The steady load's clients: enough that answers slower than 80 ms do not yet hold the rate below 200/s. */
    private static final int PACED = 16;
    private static final double STEADY_COMMANDS_PER_SECOND = 200;
    private static final double READS_PER_SECOND_TARGET = 500;
    /** The regions whose streams the visibility figure follows: one stream per region (a user may hold five). */
    private static final int FOLLOWED_REGIONS = 4;
    private static final double MEGABYTE = 1 << 20;
    /** The processes the launcher starts, as its pid files name them. */
    private static final List<String> COMPONENTS = List.of("infrastructure", "command-side", "query-side");
    /** The budget year of the round ranked over and over for the replay figure: one the demo never opens (the API takes 2000–2100). */
    private static final int LONG_ROUND_YEAR = 2090;
    /** What the issue asks of a replay: "a round with 10,000 events answers in well under a second". */
    private static final int REPLAY_TARGET_EVENTS = 10_000;
    private static final double REPLAY_TARGET_MILLIS = 1_000;
    /** How long the event streams may say nothing before the needs they have not shown are asked for directly. */
    private static final Duration QUIET = Duration.ofSeconds(10);

    /**
     * How long each figure runs: the full run, or a short one that only shows the benchmark still works (and loads no
     * {@code --events}). {@code platformWarmUp}: commands sent, untimed, before the first figure; {@code figure}: each
     * platform figure's load; {@code rawInserts}: each raw insert rate's; {@code warmUp}: the same load, untimed, before
     * each closed-loop one; then how long it waits at most for a rebuild, for the query side to catch up, and for
     * {@code --events} to be loaded; {@code replays}: each audit read's load; {@code longRoundEvents}: the events the
     * long round is ranked up to, within {@code longRoundWithin}.
     */
    private record Budget(String name, Duration platformWarmUp, Duration figure, Duration rawInserts, Duration warmUp,
                          int kafkaRecords, Duration rebuildWithin, Duration catchUpWithin, Duration loadWithin,
                          Duration replays, int longRoundEvents, Duration longRoundWithin) {
        static final Budget FULL = new Budget("full", Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofSeconds(2), 20_000, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofHours(2),
                Duration.ofSeconds(10), 10_000, Duration.ofMinutes(20));
        static final Budget SHORT = new Budget("short", Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(1), 5_000, Duration.ofSeconds(20), Duration.ofMinutes(1), Duration.ZERO,
                Duration.ofSeconds(1), 200, Duration.ofSeconds(30));
    }

    /** One line of the table. */
    private record Row(String figure, String value, String limit, String ratio, String target, String met) {
    }

    /** A need the command side acknowledged (at {@code acknowledgedAt}, nanoseconds), to ask the query side for. */
    private record Need(String region, String id, long acknowledgedAt) {
    }

    private final PlatformApi api;
    private final Path dataDir;
    private final RawLimits raw;
    private final String kafkaBootstrapServers;
    private final Budget budget;
    private final List<String> regions;
    private final int partitions;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final AtomicReference<Need> lastAcknowledged = new AtomicReference<>();
    private final Map<String, Double> gcSecondsAtStart = new HashMap<>();

    private Benchmark(PlatformApi api, Path dataDir, RawLimits raw, String kafkaBootstrapServers, Budget budget,
                      List<String> regions, int partitions) {
        this.api = api;
        this.dataDir = dataDir;
        this.raw = raw;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.budget = budget;
        this.regions = regions;
        this.partitions = partitions;
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        Budget budget = options.contains("--short") ? Budget.SHORT : Budget.FULL;
        long events = options.contains("--events") ? Long.parseLong(options.get(options.indexOf("--events") + 1)) : 0;
        Path out = options.contains("--out") ? Path.of(options.get(options.indexOf("--out") + 1)) : null;
        Path dataDir = Path.of(args[2]);
        DemoCredentials passwords = DemoCredentials.read(dataDir);
        PlatformApi api = new PlatformApi(args[0], args[1], passwords);
        String eventsDatabase = environment("NDUH_EVENTS_DATABASE", "nduh_events");
        String readDatabase = environment("NDUH_READ_DATABASE", "nduh_read");
        int partitions = Integer.parseInt(environment("NDUH_KAFKA_PARTITIONS", "3"));
        try (MongoClient mongo = MongoClients.create(args[3])) {
            Benchmark benchmark = new Benchmark(api, dataDir, new RawLimits(mongo, eventsDatabase, readDatabase, args[4]), args[4], budget,
                    passwords.regionsWith("tjansteperson"), partitions);
            String report = benchmark.run(events);
            System.out.println();
            System.out.println(report);
            if (out != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out, report);
                System.out.println("The table is also in " + out);
            }
        } catch (PlatformDown e) {
            System.out.println("Benchmark stopped: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    /** The platform did not answer its health check: the one failure the benchmark exits non-zero for. */
    private static final class PlatformDown extends RuntimeException {
        PlatformDown(String message) {
            super(message);
        }
    }

    private String run(long events) {
        long started = System.nanoTime();
        String machine = machine();
        requireUp();
        COMPONENTS.forEach(component -> JvmHeap.of(dataDir, component)
                .ifPresent(heap -> gcSecondsAtStart.put(component, heap.gcSeconds())));
        figure("sign-in of every user the figures act as", this::signIn);
        if (events > 0 && budget.loadWithin().isZero()) {
            notes.add("The " + budget.name() + " run adds no events: `--events " + events + "` was left aside.");
        } else if (events > 0) {
            loadUntil(events);
        }
        figure("warming the platform up", this::warmUp);
        figure("the query side catching up", this::settle);
        long storedAtStart = raw.storedEvents();
        figure("ProposeNeed, 1 client", () -> proposeNeeds(1));
        figure("ProposeNeed, " + MANY + " clients", () -> proposeNeeds(MANY));
        catchUp("the last need of the command figures");
        figure("acknowledged → visible", this::acknowledgedToVisible);
        figure("need registry page", this::registryPage);
        figure("benchmark view", this::benchmarkView);
        figure("projection rebuild", this::rebuild);
        figure("comparison publishing", this::publishing);
        figure("audit replay of a demo priority round", this::demoRoundReplay);
        figure("audit replay of a round with many events", this::longRoundReplay);
        figure("verification of a region's record", this::verification);
        for (String component : COMPONENTS) {
            figure("heap, " + component, () -> heap(component));
        }
        long storedAtEnd;
        try {
            storedAtEnd = raw.storedEvents();
        } catch (MongoException e) {
            storedAtEnd = -1;
        }
        String report = report(storedAtStart, storedAtEnd, machine, (System.nanoTime() - started) / 1e9);
        try {
            requireUp();
        } catch (PlatformDown e) {
            System.out.println(report); // what was measured, before the run is called a failure
            throw e;
        }
        return report;
    }

    // --- the figures -----------------------------------------------------------------------------------------

    /** {@code ProposeNeed} end to end from {@code clients}, against raw single inserts from as many clients. */
    private void proposeNeeds(int clients) {
        Load.Measured inserts = raw.inserts(clients, budget.warmUp(), budget.rawInserts());
        Load.Measured commands = Load.warmedUp(clients, budget.warmUp(), budget.figure(), this::propose);
        double ratio = commands.perSecond() / inserts.perSecond();
        String limit = "raw single journaled inserts, " + clientsNamed(clients) + ": " + rate(inserts.perSecond()) + "/s";
        if (clients == 1) {
            rows.add(new Row("`ProposeNeed` end to end, 1 client", rate(commands.perSecond()) + " commands/s, p50 "
                    + ms(commands.millis(50)) + ", p99 " + ms(commands.millis(99)) + failures(commands), limit, ratio(ratio),
                    "p50 < 10 ms", met(commands.millis(50) < 10)));
        } else {
            rows.add(new Row("`ProposeNeed` end to end, " + clients + " clients", rate(commands.perSecond()) + " commands/s, p99 "
                    + ms(commands.millis(99)) + failures(commands), limit, ratio(ratio), "≥ 0.5×", met(ratio >= 0.5)));
        }
        noteFailure("ProposeNeed from " + clientsNamed(clients), commands);
    }

    private void propose(int number) throws Exception {
        String region = regionOf(number);
        PlatformApi.Acknowledged need = api.proposeNeed(region, number);
        lastAcknowledged.set(new Need(region, need.id(), System.nanoTime()));
    }

    /**
     * From the {@code 201} of a {@code ProposeNeed} until the query side's registry holds the need, for every
     * command of a steady ~200 a second: the time its {@code needs} event arrives on the region's Server-Sent
     * Events stream, which the query side sends once the registry has written it. A sample of the needs is read
     * with a plain GET as soon as the event arrives, to show that the event does mean the GET answers.
     */
    private void acknowledgedToVisible() throws Exception {
        Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
        Map<String, Long> shownAt = new ConcurrentHashMap<>();
        AtomicInteger sampled = new AtomicInteger();
        AtomicInteger sampledFound = new AtomicInteger();
        List<String> followed = regions.subList(0, Math.min(FOLLOWED_REGIONS, regions.size()));
        List<Stream<String>> streams = new ArrayList<>();
        try {
            for (String region : followed) {
                streams.add(follow(region, (id, at) -> {
                    shownAt.putIfAbsent(id, at);
                    if (Math.floorMod(id.hashCode(), 10) == 0) {
                        sampled.incrementAndGet();
                        api.statusOfLater("/api/v1/regions/" + region + "/needs/" + id, region + "-revisor")
                                .thenAccept(status -> sampledFound.addAndGet(status == 200 ? 1 : 0));
                    }
                }));
            }
            Map<String, String> regionOf = new ConcurrentHashMap<>();
            Load.Measured sent = Load.paced(PACED, STEADY_COMMANDS_PER_SECOND, budget.figure(), number -> {
                String region = followed.get(number % followed.size());
                PlatformApi.Acknowledged need = api.proposeNeed(region, number);
                Need acknowledged = new Need(region, need.id(), System.nanoTime());
                acknowledgedAt.put(need.id(), acknowledged.acknowledgedAt());
                regionOf.put(need.id(), region);
                lastAcknowledged.set(acknowledged);
            });
            // Until every need is shown, or the streams have said nothing for a while (the server drops events for a
            // subscriber that falls behind): those are then asked for directly.
            awaitCondition(() -> shownAt.keySet().containsAll(acknowledgedAt.keySet())
                    || System.nanoTime() - shownAt.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime()) > QUIET.toNanos(),
                    budget.catchUpWithin());
            Thread.sleep(200); // the last sampled GETs are on their way
            List<Need> unseen = acknowledgedAt.keySet().stream().filter(id -> !shownAt.containsKey(id))
                    .map(id -> new Need(regionOf.get(id), id, acknowledgedAt.get(id))).toList();
            rows.add(visibilityRow(acknowledgedAt, shownAt, sent, unseen));
            notes.add("Acknowledged → visible: timed by the `needs` event on the region's SSE stream (`GET …/events`); a plain GET "
                    + "of the need sent as its event arrived answered 200 for " + sampledFound.get() + " of " + sampled.get() + " sampled.");
            noteFailure("the steady ProposeNeed", sent);
        } finally {
            streams.forEach(Stream::close);
        }
    }

    private Row visibilityRow(Map<String, Long> acknowledgedAt, Map<String, Long> shownAt, Load.Measured sent, List<Need> unseen) {
        long[] lags = acknowledgedAt.entrySet().stream().filter(entry -> shownAt.containsKey(entry.getKey()))
                .mapToLong(entry -> Math.max(0, shownAt.get(entry.getKey()) - entry.getValue())).sorted().toArray();
        double p50 = Load.millis(lags, 50);
        double p99 = Load.millis(lags, 99);
        long visibleUnseen = unseen.stream().filter(this::visible).count();
        String missing = unseen.isEmpty() ? "" : "; not on the stream: " + visibleUnseen + " shown by GET, "
                + (unseen.size() - visibleUnseen) + " not at all";
        return new Row("acknowledged → visible on the query side, steady ~" + rate(STEADY_COMMANDS_PER_SECOND) + " commands/s from "
                + PACED + " clients", "p50 " + ms(p50) + ", p99 " + ms(p99) + " (" + acknowledgedAt.size() + " commands at "
                + rate(sent.perSecond()) + "/s" + missing + ")" + failures(sent), "—", "—", "p50 < 50 ms, p99 < 200 ms at 200/s",
                met(p50 < 50 && p99 < 200 && unseen.isEmpty() && sent.perSecond() >= 0.95 * STEADY_COMMANDS_PER_SECOND));
    }

    private boolean visible(Need need) {
        try {
            return api.statusOf("/api/v1/regions/" + need.region() + "/needs/" + need.id(), need.region() + "-revisor") == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** Receives a need's id and the time its registry entry was first shown on the region's event stream. */
    @FunctionalInterface
    private interface Shown {
        void shown(String id, long nanoTime);
    }

    /** Follows the region's event stream on a thread of its own; returns once the stream is open. */
    private Stream<String> follow(String region, Shown shown) throws Exception {
        Stream<String> lines = api.lines("/api/v1/regions/" + region + "/events", region + "-revisor");
        CountDownLatch open = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try {
                lines.forEach(line -> {
                    open.countDown(); // the server's first comment: subscribed
                    if (line.startsWith("data:")) {
                        JsonNode update = readTree(line.substring("data:".length()));
                        if (update.path("readModel").asText().equals("needs") && update.path("version").asLong() == 0) {
                            shown.shown(update.path("id").asText(), System.nanoTime());
                        }
                    }
                });
            } catch (RuntimeException closed) {
                // closing the stream ends the read with an exception: the figure is over
            }
        }, "events-" + region);
        reader.setDaemon(true);
        reader.start();
        if (!open.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The event stream of " + region + " sent nothing within 10 s");
        }
        return lines;
    }

    /** The need registry's first page from 16 clients, against a raw find and sort of the same documents. */
    private void registryPage() {
        Load.Measured finds = raw.registryFinds(regions, READERS, budget.warmUp(), budget.figure());
        Load.Measured pages = reads(number -> "/api/v1/regions/" + regionOf(number) + "/needs?size=50");
        double ratio = pages.perSecond() / finds.perSecond();
        rows.add(new Row("need registry page (`GET …/needs?size=50`), " + READERS + " clients", readValue(pages),
                "raw find + sort of the page's 50 needs, " + READERS + " clients: " + rate(finds.perSecond()) + "/s (p50 "
                        + ms(finds.millis(50)) + ", p99 " + ms(finds.millis(99)) + ")",
                ratio(ratio), "p99 < 50 ms at 500/s", readsMet(pages)));
        noteFailure("the registry page", pages);
    }

    /** A benchmark view of the network's comparisons from 16 clients (no raw limit: it is the view's own computing). */
    private void benchmarkView() {
        Load.Measured views = reads(number -> "/api/v1/benchmarks/needs.evidence-quality");
        rows.add(new Row("benchmark view (`GET /api/v1/benchmarks/needs.evidence-quality`), " + READERS + " clients",
                readValue(views), "—", "—", "p99 < 50 ms at 500/s", readsMet(views)));
        noteFailure("the benchmark view", views);
    }

    /** Reads from 16 closed-loop clients, each call as the civil servant of the region it reads. */
    private Load.Measured reads(IntFunction<String> path) {
        Load.Call read = number -> api.read(path.apply(number), regionOf(number) + "-tjansteperson");
        return Load.warmedUp(READERS, budget.warmUp(), budget.figure(), read);
    }

    private static String readValue(Load.Measured reads) {
        return rate(reads.perSecond()) + " requests/s, p50 " + ms(reads.millis(50)) + ", p99 " + ms(reads.millis(99)) + failures(reads);
    }

    /** Met when 16 clients asking as fast as answered got at least 500/s with p99 under 50 ms: at 500/s they would wait less. */
    private static String readsMet(Load.Measured reads) {
        return met(reads.perSecond() >= READS_PER_SECOND_TARGET && reads.millis(99) < 50);
    }

    /**
     * The operators' rebuild of the {@code needs} projection, from the {@code POST} until the progress endpoint says
     * it has handled as many need events as the store holds, as events of the store per second: the processor reads
     * the whole store in order, and the store ends in the needs this benchmark proposed, so caught up means read
     * through. Against one cursor reading every event.
     */
    private void rebuild() throws Exception {
        RawLimits.Rate cursor = raw.cursorReadOfEvents();
        long started = System.nanoTime();
        api.json("POST", api.queryUrl() + "/api/v1/admin/projections/needs/rebuild", OPERATOR);
        AtomicReference<JsonNode> status = new AtomicReference<>();
        // The progress endpoint counts the store's need events on every call: asked every half second, not more.
        boolean caughtUp = awaitCondition(() -> {
            status.set(needsProjection());
            return status.get().path("caughtUp").asBoolean();
        }, budget.rebuildWithin(), Duration.ofMillis(500));
        double seconds = (System.nanoTime() - started) / 1e9;
        String limit = "raw cursor read of all " + count(cursor.count()) + " events: " + rate(cursor.perSecond()) + " events/s";
        long handled = status.get().path("processed").asLong();
        long needEvents = status.get().path("total").asLong();
        if (caughtUp) {
            double perSecond = cursor.count() / seconds;
            rows.add(new Row("projection rebuild (`needs`, operators' endpoint)", rate(perSecond) + " events/s (" + count(cursor.count())
                    + " events in " + seconds(seconds) + ", " + count(handled) + " of them need events)", limit,
                    ratio(perSecond / cursor.perSecond()), "≥ 0.7×", met(perSecond / cursor.perSecond() >= 0.7)));
            notes.add("The rebuild's own progress (`GET /api/v1/admin/projections`) said " + status.get().path("eventsPerSecond").asText()
                    + " need events handled per second.");
        } else {
            // Not caught up in time: its rate over the whole store is below the store's size over the time waited.
            double atMost = cursor.count() / seconds;
            rows.add(new Row("projection rebuild (`needs`, operators' endpoint)", "not caught up within " + seconds(seconds) + ": "
                    + count(handled) + " of " + count(needEvents) + " need events handled", limit,
                    "< " + ratio(atMost / cursor.perSecond()), "≥ 0.7×", atMost / cursor.perSecond() < 0.7 ? "no" : "—"));
            notes.add("The `needs` rebuild goes on in the background; the need registry is complete again once it has caught up.");
        }
    }

    private JsonNode needsProjection() {
        try {
            for (JsonNode projection : api.json("GET", api.queryUrl() + "/api/v1/admin/projections", OPERATOR)) {
                if (projection.path("name").asText().equals("needs")) {
                    return projection;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("The projections' status failed", e);
        }
        throw new IllegalStateException("GET /api/v1/admin/projections lists no `needs`");
    }

    /**
     * The raw producer only: the comparison publisher sends what the events of a round or a naming decision make
     * of the facts, and nothing here starts it alone, so its own rate is not made up.
     */
    private void publishing() throws Exception {
        RawLimits.Rate producer = raw.kafkaProducer(budget.kafkaRecords(), partitions);
        RawLimits.Rate publisher = ComparisonPublishing.measure(kafkaBootstrapServers, partitions, budget.kafkaRecords());
        double ratio = publisher.perSecond() / producer.perSecond();
        rows.add(new Row("comparison publishing (the platform's publisher: schema check, Ed25519 signature, "
                + ComparisonPublishing.BATCH + " records a batch, each batch acknowledged before the next)",
                rate(publisher.perSecond()) + " records/s (" + count(publisher.count()) + " comparison records to a scratch topic)",
                "raw idempotent producer (`acks=all`), " + count(producer.count()) + " records of " + RawLimits.RECORD_BYTES + " B: "
                        + rate(producer.perSecond()) + " records/s", ratio(ratio), "≥ 0.8×", met(ratio >= 0.8)));
    }

    /**
     * The audit replay of the region's latest demo round and its timeline's first page, as the revisor reads them, from
     * 1 client, against a raw find of the round's events: the replay reads the round's events and each of its needs'.
     */
    private void demoRoundReplay() throws Exception {
        String region = regions.get(0);
        String roundId = latestDemoRound(region).path("id").asText();
        Load.closedLoop(1, budget.warmUp(), number -> api.read(auditPath(region, roundId), region + "-revisor"));
        replayRows("demo round", region, roundId, false);
    }

    /**
     * The replay of a round with many events ({@value #REPLAY_TARGET_EVENTS} in the full run), made first if this data
     * directory has none: opened for {@value #LONG_ROUND_YEAR} by the region's elected official and ranked over and
     * over from 1 client, each ranking another version. It ranks the top need of the region's latest demo round,
     * alternating its rationale.
     */
    private void longRoundReplay() throws Exception {
        String region = longRoundRegion();
        String official = region + "-fortroendevald";
        String rounds = "/api/v1/regions/" + region + "/priority-rounds";
        HttpResponse<String> opened = api.command("POST", rounds, official, JSON.createObjectNode().put("budgetYear", LONG_ROUND_YEAR));
        if (opened.statusCode() != 201 && !(opened.statusCode() == 409 && opened.body().contains("PriorityRoundAlreadyOpen"))) {
            throw new IllegalStateException("POST " + rounds + " answered " + opened.statusCode() + ": " + opened.body());
        }
        String roundId = region + "-" + LONG_ROUND_YEAR;
        JsonNode top = api.json("GET", api.queryUrl() + auditPath(region, latestDemoRound(region).path("id").asText()), official)
                .path("ranking").path(0);
        List<JsonNode> rankings = List.of(rankingOf(top, top.path("rationale").asText()),
                rankingOf(top, top.path("rationale").asText() + " (omprövad)"));
        long firstRead = System.nanoTime();
        JsonNode round = api.json("GET", api.queryUrl() + auditPath(region, roundId), official);
        long firstReadMillis = (System.nanoTime() - firstRead) / 1_000_000;
        long events = round.path("version").asLong() + 1;
        rows.add(new Row("first audit replay of the run, round ranked over and over `" + roundId + "`, " + count(events)
                + " events (the query side reads every round's history in the background once started, 20 s after; one it does not keep yet is read from the store)",
                firstReadMillis + " ms", "—", "—", "< 1 s at " + count(REPLAY_TARGET_EVENTS) + " events",
                events >= REPLAY_TARGET_EVENTS ? met(firstReadMillis < REPLAY_TARGET_MILLIS) : "—"));
        if (events < budget.longRoundEvents()) {
            // The first ranking sent differs from the round's current one, so that every PUT is a new version.
            int first = round.path("ranking").path(0).path("rationale").asText().equals(top.path("rationale").asText()) ? 1 : 0;
            AtomicLong version = new AtomicLong(events - 1);
            Load.Measured ranked = Load.closedLoop(1, budget.longRoundWithin(), (int) (budget.longRoundEvents() - events), number -> {
                HttpResponse<String> answer = api.command("PUT", rounds + "/" + roundId + "/ranking", official,
                        rankings.get((first + number) % 2));
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("PUT …/ranking answered " + answer.statusCode() + ": " + answer.body());
                }
                version.set(readTree(answer.body()).path("version").asLong());
            });
            long reached = version.get() + 1;
            String stopped = reached >= budget.longRoundEvents() ? "" : ", stopped after " + budget.longRoundWithin().toMinutes()
                    + " min short of " + count(budget.longRoundEvents()) + " (a later run goes on from there)";
            notes.add("The round `" + roundId + "` was ranked " + count(ranked.succeeded()) + " times from 1 client at "
                    + rate(ranked.perSecond()) + " commands/s (p50 " + ms(ranked.millis(50)) + ", p99 " + ms(ranked.millis(99))
                    + failures(ranked) + ") to " + count(reached) + " events" + stopped + "; it stays in the data directory, and "
                    + "a later run replays it as it is, ranking only what is missing.");
            noteFailure("ranking the long round", ranked);
        }
        replayRows("round ranked over and over", region, roundId, true);
    }

    private static JsonNode rankingOf(JsonNode place, String rationale) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("ranking").add(((ObjectNode) place.deepCopy()).put("rationale", rationale));
        return body;
    }

    /** The region of the long round: the last, so not the region of the demo round's figure. */
    private String longRoundRegion() {
        return regions.get(regions.size() - 1);
    }

    /** The region's latest round of the demo, from the query side's list (newest budget year first). */
    private JsonNode latestDemoRound(String region) throws Exception {
        for (JsonNode round : api.json("GET", api.queryUrl() + "/api/v1/regions/" + region + "/priority-rounds", region + "-revisor")) {
            if (round.path("budgetYear").asInt() != LONG_ROUND_YEAR) {
                return round;
            }
        }
        throw new IllegalStateException("The region " + region + " has no priority round of the demo");
    }

    private static String auditPath(String region, String roundId) {
        return "/api/v1/regions/" + region + "/audit/priority-rounds/" + roundId;
    }

    /** Two rows: the replay of the round (with a raw find of its events as the limit) and its timeline's first page. */
    private void replayRows(String what, String region, String roundId, boolean judged) throws Exception {
        String reader = region + "-revisor";
        String path = auditPath(region, roundId);
        long events = api.json("GET", api.queryUrl() + path, reader).path("version").asLong() + 1;
        Load.Measured finds = raw.aggregateReads(roundId, budget.replays());
        Load.Measured replays = Load.closedLoop(1, budget.replays(), number -> api.read(path, reader));
        Load.Measured timelines = Load.closedLoop(1, budget.replays(), number -> api.read(path + "/timeline", reader));
        String round = what + " `" + roundId + "`, " + count(events) + " events, 1 client";
        boolean judgeable = judged && events >= REPLAY_TARGET_EVENTS;
        String target = judged ? "p99 < 1 s at " + count(REPLAY_TARGET_EVENTS) + " events" : "—";
        rows.add(new Row("audit replay (`GET …/audit/priority-rounds/{id}`), " + round, auditValue(replays),
                "raw find of the round's " + count(events) + " events in order, 1 client: " + rate(finds.perSecond()) + "/s (p50 "
                        + ms(finds.millis(50)) + ")", ratio(replays.perSecond() / finds.perSecond()), target,
                judgeable ? met(replays.millis(99) < REPLAY_TARGET_MILLIS) : "—"));
        rows.add(new Row("audit timeline (`GET …/audit/priority-rounds/{id}/timeline`, first page of 100), " + round,
                auditValue(timelines), "—", "—",
                target, judgeable ? met(timelines.millis(99) < REPLAY_TARGET_MILLIS) : "—"));
        if (judged && !judgeable) {
            notes.add("The " + budget.name() + " run's long round has " + count(events) + " events, not " + count(REPLAY_TARGET_EVENTS)
                    + ": its replay is not judged against the target.");
        }
        noteFailure("the replay of " + roundId, replays);
        noteFailure("the timeline of " + roundId, timelines);
    }

    private static String auditValue(Load.Measured reads) {
        return "p50 " + ms(reads.millis(50)) + ", p99 " + ms(reads.millis(99)) + " (" + reads.succeeded() + (reads.succeeded() == 1 ? " request)" : " requests)") + failures(reads);
    }

    /**
     * One verification of the long round's region as its revisor asks for it: the rate and time it reports itself, the
     * time until it answered, against one cursor reading every event of the store. No target: it reads the whole record.
     */
    private void verification() throws Exception {
        String region = longRoundRegion();
        RawLimits.Rate cursor = raw.cursorReadOfEvents();
        long started = System.nanoTime();
        JsonNode verified = api.json("GET", api.queryUrl() + "/api/v1/regions/" + region + "/audit/verification", region + "-revisor");
        double answeredIn = (System.nanoTime() - started) / 1e9;
        double perSecond = verified.path("eventsPerSecond").asDouble();
        rows.add(new Row("verification of a region's record (`GET …/audit/verification`, " + region + ")",
                rate(perSecond) + " events/s (" + count(verified.path("events").asLong()) + " events of "
                        + count(verified.path("aggregates").asLong()) + " aggregates in " + seconds(verified.path("seconds").asDouble())
                        + ", as it reports; answered in " + seconds(answeredIn) + "; intact: " + verified.path("intact").asBoolean() + ")",
                "raw cursor read of the store's " + count(cursor.count()) + " events: " + rate(cursor.perSecond()) + " events/s",
                ratio(perSecond / cursor.perSecond()), "—", "—"));
    }

    /**
     * A process's heap after the run, read from outside with jstat, with the GC time the run cost it; for the
     * applications also what their actuators say. One reading, so "within its heap through the whole run" is not judged.
     */
    private void heap(String component) throws Exception {
        String actuator = component.equals("infrastructure") ? "" : "; actuator: " + actuatorHeap(urlOf(component));
        Optional<JvmHeap.Reading> reading = JvmHeap.of(dataDir, component);
        if (reading.isEmpty()) {
            rows.add(new Row("heap after the run, " + component, "not read (no jstat, or not started by `./nduh`)" + actuator,
                    "—", "—", "within its heap", "—"));
            return;
        }
        JvmHeap.Reading heap = reading.get();
        double gcDuringRun = heap.gcSeconds() - gcSecondsAtStart.getOrDefault(component, 0.0);
        rows.add(new Row("heap after the run, " + component, megabytes(heap.usedBytes()) + " used, old generation "
                + String.format(Locale.ROOT, "%.0f %%", heap.oldGenerationPercent()) + " full, " + seconds(gcDuringRun)
                + " in GC during the run (jstat)" + actuator, "max heap " + megabytes(heap.maxBytes()),
                ratio(heap.usedBytes() / heap.maxBytes()), "within its " + megabytes(heap.maxBytes()) + " heap", "—"));
    }

    /** The heap in use as the application's actuator tells it, or what it answered instead. */
    private String actuatorHeap(String url) throws Exception {
        Heap used = heapMetric(url, "jvm.memory.used");
        return used.bytes().isPresent() ? megabytes(used.bytes().getAsDouble()) : "not exposed (" + used.unexposed() + ")";
    }

    private String urlOf(String component) {
        return component.equals("command-side") ? api.commandUrl() : api.queryUrl();
    }

    /** A heap metric of an application in bytes, or what its actuator answered instead. */
    private record Heap(OptionalDouble bytes, String unexposed) {
    }

    private Heap heapMetric(String url, String metric) throws Exception {
        HttpResponse<String> metrics = api.get(url + "/actuator/metrics/" + metric + "?tag=area:heap", OPERATOR);
        if (metrics.statusCode() == 200) {
            return new Heap(OptionalDouble.of(readTree(metrics.body()).path("measurements").path(0).path("value").asDouble()), null);
        }
        HttpResponse<String> prometheus = api.get(url + "/actuator/prometheus", OPERATOR);
        String series = metric.replace('.', '_') + "_bytes{";
        OptionalDouble bytes = prometheus.statusCode() != 200 ? OptionalDouble.empty() : prometheus.body().lines()
                .filter(line -> line.startsWith(series) && line.contains("area=\"heap\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).reduce(Double::sum);
        return new Heap(bytes, "`/actuator/metrics` answers " + metrics.statusCode() + ", `/actuator/prometheus` " + prometheus.statusCode());
    }

    // --- around the figures ------------------------------------------------------------------------------------

    /** Runs one figure; one that fails is a row saying why, and the rest go on. */
    private void figure(String name, Figure figure) {
        long started = System.nanoTime();
        try {
            figure.measure();
        } catch (PlatformDown e) {
            throw e;
        } catch (Exception e) {
            rows.add(new Row(name, "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), "—", "—", "—", "—"));
        }
        System.out.println("bench: " + name + ": " + seconds((System.nanoTime() - started) / 1e9));
    }

    @FunctionalInterface
    private interface Figure {
        void measure() throws Exception;
    }

    /** Both sides answer their health check, or the benchmark ends here. */
    private void requireUp() {
        for (String url : List.of(api.commandUrl(), api.queryUrl())) {
            try {
                if (api.get(url + "/actuator/health", OPERATOR).statusCode() != 200) {
                    throw new PlatformDown(url + " is not healthy");
                }
            } catch (PlatformDown e) {
                throw e;
            } catch (Exception e) {
                throw new PlatformDown(url + " does not answer: " + e.getMessage());
            }
        }
    }

    /** Every user the figures act as signs in once before any is timed: the first sign-in checks a bcrypt hash, on purpose slowly. */
    private void signIn() {
        List<String> users = new ArrayList<>(List.of(OPERATOR));
        regions.forEach(region -> users.addAll(List.of(region + "-tjansteperson", region + "-revisor")));
        users.add(longRoundRegion() + "-fortroendevald");
        for (String user : users) {
            for (String url : List.of(api.commandUrl(), api.queryUrl())) {
                try {
                    api.get(url + "/api/v1/me", user);
                } catch (Exception e) {
                    throw new PlatformDown(url + " does not answer: " + e.getMessage());
                }
            }
        }
    }

    /** Proposes needs from 8 clients until the event store holds {@code events}, then lets the query side catch up. */
    private void loadUntil(long events) {
        long deadline = System.nanoTime() + budget.loadWithin().toNanos();
        long stored;
        while ((stored = raw.storedEvents()) < events && System.nanoTime() < deadline) {
            int missing = (int) Math.min(events - stored, 5_000);
            Load.Measured batch = Load.closedLoop(MANY, Duration.ofNanos(deadline - System.nanoTime()), missing, this::propose);
            System.out.printf(Locale.ROOT, "bench: loading: %s events stored, %s more sent at %s commands/s%n",
                    count(stored), count(batch.succeeded()), rate(batch.perSecond()));
            if (batch.succeeded() == 0) {
                throw new PlatformDown("no ProposeNeed was acknowledged while loading: " + batch.firstFailure());
            }
        }
        stored = raw.storedEvents();
        if (stored < events) {
            notes.add("Loading stopped at " + count(stored) + " events, short of " + count(events) + ", after "
                    + budget.loadWithin().toMinutes() + " min.");
        }
        catchUp("the last need loaded");
    }

    /**
     * {@code ProposeNeed} from 8 clients, untimed, before any figure: a platform just started answers its first
     * thousand or so commands several times slower (its code not yet compiled, its caches empty), and the figures are
     * of a platform in use. What the warm-up itself reached is noted: the figure of a cold start.
     */
    private void warmUp() {
        Load.Measured warming = Load.closedLoop(MANY, budget.platformWarmUp(), this::propose);
        notes.add("Before the figures, " + count(warming.succeeded()) + " `ProposeNeed` from " + MANY + " clients warmed the platform up ("
                + seconds(warming.seconds()) + " at " + rate(warming.perSecond()) + " commands/s, p50 " + ms(warming.millis(50))
                + ", p99 " + ms(warming.millis(99)) + "): the figures are of a platform in use, not of one just started.");
        noteFailure("The warm-up", warming);
    }

    /** One need proposed and waited for, so that no figure is measured while the query side works off what came before. */
    private void settle() throws Exception {
        propose(0);
        catchUp("a need sent before the figures");
    }

    /** Waits, bounded, until the query side shows the last need acknowledged: a figure measured over a backlog measures the backlog. */
    private void catchUp(String what) {
        Need last = lastAcknowledged.get();
        if (last == null) {
            return;
        }
        boolean shown = awaitCondition(() -> visible(last), budget.catchUpWithin(), Duration.ofMillis(100));
        double seconds = (System.nanoTime() - last.acknowledgedAt()) / 1e9;
        notes.add(shown ? "The query side showed " + what + " " + seconds(seconds) + " after its acknowledgement."
                : "The query side had not shown " + what + " " + seconds(seconds) + " after its acknowledgement: later figures ran over a backlog.");
    }

    private String regionOf(int number) {
        return regions.get(number % regions.size());
    }

    private void noteFailure(String what, Load.Measured measured) {
        if (measured.failed() > 0) {
            notes.add(what + ": " + measured.failed() + " failed, the first with " + measured.firstFailure());
        }
    }

    // --- the report ------------------------------------------------------------------------------------------

    private String report(long storedAtStart, long storedAtEnd, String machine, double seconds) {
        StringBuilder report = new StringBuilder();
        report.append("Benchmark (").append(budget.name()).append(") of ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(", ").append(seconds(seconds)).append('\n');
        report.append("Store: ").append(count(storedAtStart)).append(" events at the start, ").append(count(storedAtEnd))
                .append(" at the end (documents of `domainevents` with a payload)\n");
        report.append("Machine: ").append(machine).append(", ").append(loadAverage()).append(" at the end\n\n");
        report.append("| figure | value | limit (raw, same run) | ratio | target | met |\n|---|---|---|---|---|---|\n");
        rows.forEach(row -> report.append("| ").append(String.join(" | ", row.figure(), row.value(), row.limit(), row.ratio(),
                row.target(), row.met())).append(" |\n"));
        if (!notes.isEmpty()) {
            report.append('\n');
            notes.forEach(note -> report.append("- ").append(note).append('\n'));
        }
        report.append("- Every load runs closed-loop (each client sends again when answered) except the visibility figure's, which is "
                + "paced; latencies are exact percentiles of every call. The benchmark runs on the same cores as the platform.\n");
        return report.toString();
    }

    /** The cores, the {@code java -version} line of the JVM running the benchmark (the platform's, started by the same launcher), the load. */
    private static String machine() {
        String version = System.getProperty("java.vm.name") + " " + Runtime.version();
        try {
            Process java = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                    .redirectErrorStream(true).start();
            try (BufferedReader output = new BufferedReader(new InputStreamReader(java.getInputStream(), StandardCharsets.UTF_8))) {
                version = output.readLine();
            }
            java.waitFor();
        } catch (Exception e) {
            // the properties' version stands
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + version + "; load average " + loadAverage() + " at the start";
    }

    /** The system's load average over the last minute: what else ran on the cores the platform and the benchmark share. */
    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    // --- small helpers ---------------------------------------------------------------------------------------

    private static boolean awaitCondition(BooleanSupplier condition, Duration within) {
        return awaitCondition(condition, within, Duration.ofMillis(20));
    }

    /** Polls a condition of other processes (the ones here have nothing to subscribe to) until it holds or time is up. */
    private static boolean awaitCondition(BooleanSupplier condition, Duration within, Duration every) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }

    private static String environment(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static String clientsNamed(int clients) {
        return clients == 1 ? "1 client" : clients + " clients";
    }

    private static String failures(Load.Measured measured) {
        return measured.failed() == 0 ? "" : " (" + measured.failed() + " failed)";
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 100 ? "%,.0f" : "%.1f", perSecond);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis >= 10 ? "%,.0f ms" : "%.1f ms", millis);
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }

    private static String megabytes(double bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / MEGABYTE);
    }

    private static String count(long count) {
        return count < 0 ? "unknown" : String.format(Locale.ROOT, "%,d", count);
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    private static String met(boolean met) {
        return met ? "yes" : "no";
    }
}

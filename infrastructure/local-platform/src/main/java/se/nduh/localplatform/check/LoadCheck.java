package se.nduh.localplatform.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import se.nduh.localplatform.demo.DemoCredentials;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A load check of a running platform, end to end through the real security chain: sends {@code commands}
 * ProposeNeed commands from {@code threads} threads to the command side, as the civil servants of four
 * regions, then waits until the query side's need registry shows every one of them exactly once. Prints
 * its figures; exits non-zero when a need is missing or counted twice.
 *
 * <pre>java -cp … se.nduh.localplatform.check.LoadCheck COMMAND_URL QUERY_URL DATA_DIR [COMMANDS] [THREADS]</pre>
 */
public final class LoadCheck {

    private static final List<String> REGIONS = List.of("blekinge", "halland", "norrbotten", "ostergotland");
    private static final Duration VISIBLE_WITHIN = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LoadCheck() {
    }

    public static void main(String[] args) throws Exception {
        String commandUrl = args[0];
        String queryUrl = args[1];
        DemoCredentials passwords = DemoCredentials.read(Path.of(args[2]));
        int commands = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 8;

        Map<String, Long> before = new HashMap<>();
        for (String region : REGIONS) {
            before.put(region, needsOf(queryUrl, region, passwords));
        }
        long started = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < commands; i++) {
            String region = REGIONS.get(i % REGIONS.size());
            int number = i;
            sent.add(senders.submit(() -> propose(commandUrl, region, number, passwords)));
        }
        for (Future<?> command : sent) {
            command.get();
        }
        senders.shutdown();
        senders.awaitTermination(1, TimeUnit.MINUTES);
        double sendSeconds = (System.nanoTime() - started) / 1e9;

        long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        Map<String, Long> expected = new HashMap<>();
        for (int index = 0; index < REGIONS.size(); index++) {
            long sentToRegion = commands / REGIONS.size() + (index < commands % REGIONS.size() ? 1 : 0);
            expected.put(REGIONS.get(index), before.get(REGIONS.get(index)) + sentToRegion);
        }
        Map<String, Long> seen = new HashMap<>();
        while (System.nanoTime() < deadline) {
            for (String region : REGIONS) {
                seen.put(region, needsOf(queryUrl, region, passwords));
            }
            if (REGIONS.stream().allMatch(region -> seen.get(region) >= expected.get(region))) {
                break;
            }
            Thread.sleep(200); // polling a condition of another process: there is nothing to subscribe to here
        }
        double visibleSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Load check: %d commands from %d threads sent in %.1f s (%.0f commands/s); "
                        + "all visible on the query side after %.1f s%n",
                commands, threads, sendSeconds, commands / sendSeconds, visibleSeconds);
        if (!seen.equals(expected)) {
            System.out.println("Load check FAILED: expected needs per region " + expected + ", the query side shows " + seen);
            System.exit(1);
        }
        System.out.println("Load check passed: every command reflected exactly once " + seen);
    }

    private static void propose(String commandUrl, String region, int number, DemoCredentials passwords) {
        String body = NeedProposals.body("Lastprov", number);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(commandUrl + "/api/v1/regions/" + region + "/needs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), region + "-tjansteperson", passwords);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("ProposeNeed answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static long needsOf(String queryUrl, String region, DemoCredentials passwords) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(queryUrl + "/api/v1/regions/" + region + "/needs?size=1")).GET(),
                region + "-revisor", passwords);
        try {
            return JSON.readTree(response.body()).get("total").asLong();
        } catch (Exception e) {
            throw new IllegalStateException("The need registry answered " + response.statusCode() + ": " + response.body(), e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String user, DemoCredentials passwords) {
        try {
            return HTTP.send(request.header("Authorization", passwords.basic(user))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot reach " + request.build().uri(), e);
        }
    }
}

package se.nduh.localplatform.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.nduh.localplatform.demo.DemoCredentials;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** The platform's HTTP API as the benchmark calls it: as a demo user, over one client that keeps its connections open. */
final class PlatformApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    /** What a command answered: the aggregate and the version it reached. */
    record Acknowledged(String id, long version) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String commandUrl;
    private final String queryUrl;
    private final DemoCredentials passwords;

    PlatformApi(String commandUrl, String queryUrl, DemoCredentials passwords) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
        this.passwords = passwords;
    }

    /** {@code ProposeNeed} as the region's civil servant; fails unless answered {@code 201}. */
    Acknowledged proposeNeed(String region, int number) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(commandUrl + "/api/v1/regions/" + region + "/needs", region + "-tjansteperson")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(NeedProposals.body("Prestandaprov", number), StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = expect(201, response);
        return new Acknowledged(answer.get("id").asText(), answer.get("version").asLong());
    }

    /** A command with a JSON body to the command side ({@code path} from {@code /api}), answered whatever its status. */
    HttpResponse<String> command(String method, String path, String user, JsonNode body) throws IOException, InterruptedException {
        return http.send(request(commandUrl + path, user).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A read on the query side; fails unless answered {@code 200}. The whole body is read, then dropped. */
    void read(String path, String user) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(queryUrl + path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + abbreviated(response.body()));
        }
    }

    /** The status a read on the query side answers (for polling: any answer is an answer). */
    int statusOf(String path, String user) throws IOException, InterruptedException {
        return http.send(request(queryUrl + path, user).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The status a read on the query side will answer, without waiting for it here. */
    CompletableFuture<Integer> statusOfLater(String path, String user) {
        return http.sendAsync(request(queryUrl + path, user).GET().build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }

    /** The JSON answer of a {@code GET} ({@code 200}) or {@code POST} ({@code 202}) to either side ({@code url} absolute). */
    JsonNode json(String method, String url, String user) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(url, user).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        return expect(method.equals("POST") ? 202 : 200, response);
    }

    /** The answer's text, whatever its status, or the failure's: for figures the platform may not expose. */
    HttpResponse<String> get(String url, String user) throws IOException, InterruptedException {
        return http.send(request(url, user).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The lines of a Server-Sent Events stream of the query side, as they arrive; closing the stream closes the connection. */
    Stream<String> lines(String path, String user) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create(queryUrl + path))
                .header("Authorization", passwords.basic(user)).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    String commandUrl() {
        return commandUrl;
    }

    String queryUrl() {
        return queryUrl;
    }

    private HttpRequest.Builder request(String url, String user) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", passwords.basic(user)).timeout(ANSWER_WITHIN);
    }

    private static JsonNode expect(int status, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath() + " answered "
                    + response.statusCode() + ": " + abbreviated(response.body()));
        }
        return JSON.readTree(response.body());
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}

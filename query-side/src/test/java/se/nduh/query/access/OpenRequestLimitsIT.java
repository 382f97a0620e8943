package se.nduh.query.access;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.TestUsers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One user holds at most five event streams and twenty waiting reads open at once; the next is a 429 problem until one closes. */
@PlatformIT
class OpenRequestLimitsIT {

    private static final String EVENTS = "/api/v1/regions/varmland/events";
    private static final String USER = "varmland-revisor";

    @Autowired
    WebTestClient web;

    @Test
    void a_user_holds_at_most_five_event_streams_open() {
        List<Disposable> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                FluxExchangeResult<String> stream = open();
                assertThat(stream.getStatus().value()).isEqualTo(200);
                streams.add(stream.getResponseBody().subscribe());
            }
            FluxExchangeResult<String> sixth = open();
            assertThat(sixth.getStatus().value()).isEqualTo(429);
            assertThat(sixth.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

            streams.remove(0).dispose();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                FluxExchangeResult<String> again = open();
                if (again.getStatus().value() == 200) {
                    streams.add(again.getResponseBody().subscribe());
                    return true;
                }
                return false;
            });
        } finally {
            streams.forEach(Disposable::dispose);
        }
    }

    @Test
    void a_user_holds_at_most_twenty_reads_waiting_for_a_version() throws Exception {
        String need = "/api/v1/regions/varmland/needs/" + UUID.randomUUID() + "?minVersion=99";
        ExecutorService readers = Executors.newFixedThreadPool(20);
        try {
            for (int i = 0; i < 20; i++) {
                readers.submit(() -> web.get().uri(need + "&wait=5").header(HttpHeaders.AUTHORIZATION, TestUsers.basic(USER)).exchange());
            }
            // The 21st asks not to wait at all: admitted, it would answer 503 at once.
            await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(100)).until(() ->
                    web.get().uri(need + "&wait=0").header(HttpHeaders.AUTHORIZATION, TestUsers.basic(USER))
                            .exchange().returnResult(String.class).getStatus().value() == 429);
        } finally {
            readers.shutdown();
            assertThat(readers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        web.get().uri(need + "&wait=0").header(HttpHeaders.AUTHORIZATION, TestUsers.basic(USER)).exchange().expectStatus().isEqualTo(503);
    }

    private FluxExchangeResult<String> open() {
        return web.get().uri(EVENTS).accept(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(USER))
                .exchange().returnResult(String.class);
    }
}

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One user holds at most five event streams open at once; the sixth is a 429 problem until one closes. */
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

    private FluxExchangeResult<String> open() {
        return web.get().uri(EVENTS).accept(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(USER))
                .exchange().returnResult(String.class);
    }
}

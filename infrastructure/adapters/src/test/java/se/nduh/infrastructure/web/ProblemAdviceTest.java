package se.nduh.infrastructure.web;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/** A database that is away answers 503 with Retry-After, however deep the driver's exception lies; anything else unforeseen is a 500. */
class ProblemAdviceTest {

    private final ProblemAdvice advice = new ProblemAdvice();
    private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/regions/halland/needs"));

    @Test
    void a_broken_connection_to_the_database_is_503_with_retry_after() {
        ResponseEntity<ProblemDetail> answer = advice.unexpected(new IllegalStateException("the event store failed",
                new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress())), exchange);
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getDetail()).contains("Idempotency-Key");
    }

    @Test
    void no_database_within_the_drivers_timeout_is_503() {
        assertThat(advice.unexpected(new RuntimeException(new MongoTimeoutException("no server")), exchange).getStatusCode().value())
                .isEqualTo(503);
    }

    @Test
    void anything_else_unforeseen_is_500() {
        assertThat(advice.unexpected(new IllegalStateException("a bug"), exchange).getStatusCode().value()).isEqualTo(500);
    }
}

package se.nduh.query.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.security.ActingAs;
import se.nduh.infrastructure.web.ProblemResponses;
import se.nduh.infrastructure.web.Problems;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds what one user holds open at once: at most {@value #STREAMS} event streams and {@value #WAITS} reads waiting
 * for a version ({@code minVersion}). Each costs the server a connection for up to its whole life, so one client
 * must not take them all; the next is a {@code 429} problem until one closes.
 */
@Component
class OpenRequestLimits implements WebFilter {

    static final int STREAMS = 5;
    static final int WAITS = 20;

    /** What a user holds open: how many at most, and what the next one is told. */
    private enum Held {
        STREAMS(OpenRequestLimits.STREAMS, "At most " + OpenRequestLimits.STREAMS + " event streams per user are open at once; close one first."),
        WAITS(OpenRequestLimits.WAITS, "At most " + OpenRequestLimits.WAITS + " reads per user wait for a version at once; try again shortly.");

        private final int limit;
        private final String refusal;

        Held(int limit, String refusal) {
            this.limit = limit;
            this.refusal = refusal;
        }
    }

    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final ProblemResponses problems;

    OpenRequestLimits(ObjectMapper json) {
        this.problems = new ProblemResponses(json);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Held held = exchange.getRequest().getPath().value().endsWith("/events") ? Held.STREAMS
                : exchange.getRequest().getQueryParams().containsKey("minVersion") ? Held.WAITS : null;
        Optional<ActingAs> acting = ActingAs.find(exchange);
        if (held == null || acting.isEmpty()) {
            return chain.filter(exchange);
        }
        AtomicInteger count = open.computeIfAbsent(acting.get().userId() + "|" + held, name -> new AtomicInteger());
        if (count.incrementAndGet() > held.limit) {
            count.decrementAndGet();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, held.refusal);
            problem.setTitle("Too many open requests");
            problem.setType(Problems.type("too-many-open-requests"));
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            return problems.write(exchange, problem);
        }
        AtomicBoolean holding = new AtomicBoolean(true);
        Runnable release = () -> {
            if (holding.getAndSet(false)) {
                count.decrementAndGet();
            }
        };
        // Held until the answer's body ends or the client goes: the filter chain's own completion does not wait for
        // a stream or a waiting read to be over (both seen in OpenRequestLimitsIT).
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                return super.writeWith(Flux.from(body).doFinally(signal -> release.run()));
            }

            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                return super.writeAndFlushWith(Flux.from(body).doFinally(signal -> release.run()));
            }

            @Override
            public Mono<Void> setComplete() {
                release.run();
                return super.setComplete();
            }
        };
        return chain.filter(exchange.mutate().response(response).build()).doOnError(error -> release.run()).doOnCancel(release);
    }
}

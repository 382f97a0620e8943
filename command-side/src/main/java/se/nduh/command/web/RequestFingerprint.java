package se.nduh.command.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.nduh.kernel.hash.Hashes;

import java.util.HexFormat;

/**
 * For a request with an {@code Idempotency-Key}: the SHA-256 of its body, so that the key, used again with another
 * body, is refused rather than answered with the first request's result. The body is read once, kept (at most
 * {@value #MAX_BODY} bytes, the size the JSON codecs accept) and handed on unchanged.
 */
@Component
class RequestFingerprint implements WebFilter {

    static final int MAX_BODY = 256 * 1024;
    private static final String ATTRIBUTE = RequestFingerprint.class.getName();

    /** The body's fingerprint, or empty for a request without an idempotency key. */
    static String of(ServerWebExchange exchange) {
        String fingerprint = exchange.getAttribute(ATTRIBUTE);
        return fingerprint == null ? "" : fingerprint;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getHeaders().containsKey(IdempotencyKeys.HEADER)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BODY)
                .map(joined -> {
                    byte[] body = new byte[joined.readableByteCount()];
                    joined.read(body);
                    DataBufferUtils.release(joined);
                    return body;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    exchange.getAttributes().put(ATTRIBUTE, sha256(body));
                    ServerHttpRequestDecorator replayed = new ServerHttpRequestDecorator(exchange.getRequest()) {
                        @Override
                        public Flux<DataBuffer> getBody() {
                            return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
                        }
                    };
                    return chain.filter(exchange.mutate().request(replayed).build());
                });
    }

    private static String sha256(byte[] body) {
        return HexFormat.of().formatHex(Hashes.sha256(body));
    }
}

package se.nduh.query.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.security.Actor;
import se.nduh.infrastructure.security.PageCommandTokens;

import java.net.URI;
import java.util.List;

/**
 * A page's command, {@code POST} or {@code PUT /command-side/api/v1/…}, passed to the command side's
 * {@code /api/v1/…} as the signed-in user (with the token {@link PageCommandTokens} gives: a delegated token of a
 * minute in local mode, the provider's access token in oidc mode), and its answer passed back as it came:
 * status, problem, {@code Location}. The command side applies the access table and the rules, as for any client.
 * Not in the query side's API description: the commands are described by the command side's.
 */
@Hidden
@RestController
class CommandSidePassage {

    static final String PREFIX = "/command-side";
    /** The request headers a command's meaning depends on; the browser's cookies and others stay here. */
    private static final List<String> PASSED_ON = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, "Idempotency-Key",
            HttpHeaders.IF_MATCH, HttpHeaders.ACCEPT_LANGUAGE);
    private static final List<String> PASSED_BACK = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, HttpHeaders.ETAG,
            HttpHeaders.RETRY_AFTER);

    private final WebClient commandSide;
    private final String url;
    private final PageCommandTokens tokens;

    CommandSidePassage(WebClient.Builder builder, @Value("${nduh.command-side.url}") String url, PageCommandTokens tokens) {
        this.commandSide = builder.build();
        this.url = url;
        this.tokens = tokens;
    }

    @PostMapping(PREFIX + "/api/v1/**")
    Mono<ResponseEntity<byte[]>> post(@AuthenticationPrincipal Actor actor, ServerWebExchange exchange) {
        return pass(actor, exchange);
    }

    @PutMapping(PREFIX + "/api/v1/**")
    Mono<ResponseEntity<byte[]>> put(@AuthenticationPrincipal Actor actor, ServerWebExchange exchange) {
        return pass(actor, exchange);
    }

    private Mono<ResponseEntity<byte[]>> pass(Actor actor, ServerWebExchange exchange) {
        return tokens.tokenFor(actor, exchange)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                        "This session holds no token for the command side; sign in again.")))
                .flatMap(token -> send(exchange.getRequest(), token))
                .onErrorMap(WebClientRequestException.class, away -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        "The command side does not answer; nothing was done. Try again.", away));
    }

    private Mono<ResponseEntity<byte[]>> send(ServerHttpRequest request, String token) {
        String path = request.getPath().pathWithinApplication().value().substring(PREFIX.length());
        URI target = UriComponentsBuilder.fromUriString(url).path(path).query(request.getURI().getRawQuery()).build(true).toUri();
        return commandSide.method(request.getMethod())
                .uri(target)
                .headers(headers -> {
                    PASSED_ON.forEach(name -> {
                        List<String> values = request.getHeaders().get(name);
                        if (values != null) {
                            headers.put(name, values);
                        }
                    });
                    headers.setBearerAuth(token);
                })
                .body(request.getBody(), DataBuffer.class)
                .exchangeToMono(answer -> {
                    HttpHeaders back = new HttpHeaders();
                    PASSED_BACK.forEach(name -> answer.headers().header(name).forEach(value -> back.add(name, value)));
                    return answer.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                            .map(body -> ResponseEntity.status(answer.statusCode()).headers(back).body(body));
                });
    }
}

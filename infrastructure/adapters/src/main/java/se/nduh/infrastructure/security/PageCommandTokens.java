package se.nduh.infrastructure.security;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The bearer token with which a page's command goes to the command side as its signed-in user: in local mode one
 * the pages' server signs ({@link PageDelegation}), in oidc mode the access token the provider issued at the user's
 * sign-in ({@link ProviderSignIn}). Empty when the session holds none.
 */
@FunctionalInterface
public interface PageCommandTokens {

    Mono<String> tokenFor(Actor actor, ServerWebExchange exchange);
}

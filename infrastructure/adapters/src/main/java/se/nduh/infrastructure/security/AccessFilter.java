package se.nduh.infrastructure.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.infrastructure.web.ProblemResponses;
import se.nduh.infrastructure.web.Problems;

import se.nduh.kernel.rule.Rule;

import java.util.stream.Collectors;

/**
 * Enforces {@link AccessPolicy} on every request, after authentication: {@code 401} when nobody signed in,
 * {@code 403} naming the missing role or region, and otherwise records who acts for the handlers.
 */
class AccessFilter implements WebFilter {

    private final ProblemResponses problems;
    private final String challenge;
    private final RegionDirectory regions;

    AccessFilter(ProblemResponses problems, String challenge, RegionDirectory regions) {
        this.problems = problems;
        this.challenge = challenge;
        this.regions = regions;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(authentication -> authentication.getPrincipal() instanceof Actor actor ? actor : null)
                .map(actor -> decide(exchange, actor))
                .switchIfEmpty(Mono.fromSupplier(() -> decide(exchange, null)))
                .flatMap(decision -> apply(decision, exchange, chain));
    }

    private Mono<Void> apply(AccessPolicy.Decision decision, ServerWebExchange exchange, WebFilterChain chain) {
        if (decision instanceof AccessPolicy.Decision.Allowed allowed) {
            allowed.actingAs().attachTo(exchange);
            return chain.filter(exchange);
        }
        if (decision instanceof AccessPolicy.Decision.Public) {
            return chain.filter(exchange);
        }
        if (decision instanceof AccessPolicy.Decision.Unauthenticated) {
            return unauthenticated(exchange, challenge, problems);
        }
        if (decision instanceof AccessPolicy.Decision.MissingRole missing) {
            return forbidden(exchange, "This needs one of the roles: "
                    + missing.anyOf().stream().map(Role::swedish).sorted().collect(Collectors.joining(", ")) + ".",
                    "requiredRoles", missing.anyOf().stream().map(Role::code).sorted().toList());
        }
        if (decision instanceof AccessPolicy.Decision.OtherRegion other) {
            return forbidden(exchange, "Your roles do not cover region '" + other.region() + "'.", "region", other.region());
        }
        if (decision instanceof AccessPolicy.Decision.UnknownRegion unknown) {
            Rule rule = regions.isMember(unknown.region()) ? Rule.RegionNotServedHere : Rule.UnknownRegion;
            return problems.write(exchange, Problems.ruleViolation(rule.violation("region")));
        }
        return forbidden(exchange, "No access rule allows this endpoint.");
    }

    private AccessPolicy.Decision decide(ServerWebExchange exchange, Actor actor) {
        return AccessPolicy.decide(exchange.getRequest().getMethod(), exchange.getRequest().getPath().pathWithinApplication().value(),
                actor, regions::isServed);
    }

    /**
     * {@code 401} with the challenge of the configured scheme, so clients know how to sign in; the pages' script
     * (which says so in {@code X-Requested-With}) is told of the sign-in form instead, since a browser answers a
     * Basic challenge with a password dialog of its own.
     */
    static Mono<Void> unauthenticated(ServerWebExchange exchange, String challenge, ProblemResponses problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Sign in to use this endpoint.");
        problem.setTitle("Not signed in");
        problem.setType(Problems.type("unauthenticated"));
        boolean page = "XMLHttpRequest".equals(exchange.getRequest().getHeaders().getFirst("X-Requested-With"));
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                page ? "Session realm=\"NDUH\", form=\"" + PageSessions.SIGN_IN + "\"" : challenge);
        return problems.write(exchange, problem);
    }

    private Mono<Void> forbidden(ServerWebExchange exchange, String detail, Object... property) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle("Forbidden");
        problem.setType(Problems.type("forbidden"));
        for (int i = 0; i + 1 < property.length; i += 2) {
            problem.setProperty((String) property[i], property[i + 1]);
        }
        return problems.write(exchange, problem);
    }
}

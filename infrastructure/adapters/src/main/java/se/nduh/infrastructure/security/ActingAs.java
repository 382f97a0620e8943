package se.nduh.infrastructure.security;

import org.springframework.web.server.ServerWebExchange;
import se.nduh.kernel.commission.Provider;

import java.util.Optional;

/**
 * Who performs this request, in which role and for which region ({@code *} for the network), as decided by
 * the access table. Commands copy it into their metadata, so every event names its acting user and role.
 * {@code provider} is the provider a provider's staff member answers for, or {@code null}.
 */
public record ActingAs(String userId, Role role, String region, String provider) {

    private static final String ATTRIBUTE = ActingAs.class.getName();

    public static ActingAs of(ServerWebExchange exchange) {
        return find(exchange).orElseThrow(() ->
                new IllegalStateException("No acting user: the access filter did not run for " + exchange.getRequest().getPath()));
    }

    /** The acting user, or none on a public endpoint. */
    public static Optional<ActingAs> find(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }

    /**
     * The provider this request answers for, {@code null} for anyone but a provider's staff member; one bound to no
     * provider answers for the empty name, which no commission is addressed to.
     */
    public Provider actingProvider() {
        if (role != Role.UTFORARE) {
            return null;
        }
        return Provider.of(provider == null ? "" : provider);
    }

    void attachTo(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, this);
    }
}

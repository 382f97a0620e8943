package se.nduh.infrastructure.security;

import org.springframework.web.server.ServerWebExchange;
import se.nduh.kernel.commission.Provider;

/**
 * Who performs this request, in which role and for which region ({@code *} for the network), as decided by
 * the access table. Commands copy it into their metadata, so every event names its acting user and role.
 * {@code provider} is the provider a provider's staff member answers for, or {@code null}.
 */
public record ActingAs(String userId, Role role, String region, String provider) {

    private static final String ATTRIBUTE = ActingAs.class.getName();

    public static ActingAs of(ServerWebExchange exchange) {
        ActingAs acting = exchange.getAttribute(ATTRIBUTE);
        if (acting == null) {
            throw new IllegalStateException("No acting user: the access filter did not run for " + exchange.getRequest().getPath());
        }
        return acting;
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

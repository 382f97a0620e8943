package se.nduh.infrastructure.security;

import org.springframework.web.server.ServerWebExchange;

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

    /** The provider this request answers for: {@code ""} for a provider's staff member bound to none. */
    public String actingProvider() {
        if (role != Role.UTFORARE) {
            return null;
        }
        return provider == null ? "" : provider;
    }

    void attachTo(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, this);
    }
}

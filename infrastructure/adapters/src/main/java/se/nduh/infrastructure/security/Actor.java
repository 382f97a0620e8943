package se.nduh.infrastructure.security;

import java.util.List;

/**
 * The authenticated user: a stable id (never a name, e-mail or personal identity number: it goes into
 * every event), the roles they hold, and for a provider's staff the provider (utförare) they answer for,
 * or {@code null}.
 */
public record Actor(String userId, List<Grant> grants, String provider) {

    public Actor {
        grants = List.copyOf(grants);
    }
}

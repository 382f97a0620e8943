package se.nduh.infrastructure.security;

import java.util.List;

/**
 * The authenticated user: a stable id (never a name, e-mail or personal identity number: it goes into
 * every event) and the roles they hold.
 */
public record Actor(String userId, List<Grant> grants) {

    public Actor {
        grants = List.copyOf(grants);
    }
}

package se.nduh.infrastructure.security;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A user of the single-machine default, as a line of the users file:
 * {@code userId,username,passwordHash,grants,provider,displayName} with grants {@code role:regions} joined by a
 * space and the provider (utförare) a provider's staff member answers for, empty for others. Only the bcrypt
 * hash is kept; the display name lives here, never in events.
 */
public record LocalUser(String userId, String username, String passwordHash, List<Grant> grants, String provider,
                        String displayName) {

    public static final String HEADER = "userId,username,passwordHash,grants,provider,displayName";

    public LocalUser {
        grants = List.copyOf(grants);
    }

    public static LocalUser parse(String line) {
        String[] columns = line.split(",", 6);
        if (columns.length != 6) {
            throw new IllegalArgumentException("A user line has six columns: " + HEADER);
        }
        List<Grant> grants = Arrays.stream(columns[3].strip().split(" +")).map(Grant::parse).toList();
        String provider = columns[4].strip();
        return new LocalUser(columns[0].strip(), columns[1].strip(), columns[2].strip(), grants,
                provider.isEmpty() ? null : provider, columns[5].strip());
    }

    public String line() {
        return String.join(",", userId, username, passwordHash,
                grants.stream().map(Grant::toString).collect(Collectors.joining(" ")), provider == null ? "" : provider,
                displayName);
    }

    public Actor actor() {
        return new Actor(userId, grants, provider);
    }
}

package se.nduh.infrastructure.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maps user ids to people: events only ever hold the id, so a name can change here without touching the
 * event store. Read from the users file; empty when there is none (the OIDC provider then knows the names).
 */
public class UserDirectory {

    private final Map<String, LocalUser> byUsername;
    private final Map<String, LocalUser> byId;

    public UserDirectory(Path usersFile) {
        this.byUsername = Files.exists(usersFile) ? read(usersFile) : Map.of();
        this.byId = byUsername.values().stream().collect(Collectors.toMap(LocalUser::userId, Function.identity()));
    }

    public Optional<LocalUser> byUsername(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    public Optional<String> displayName(String userId) {
        return Optional.ofNullable(byId.get(userId)).map(LocalUser::displayName);
    }

    private static Map<String, LocalUser> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(LocalUser::parse)
                    .collect(Collectors.toMap(LocalUser::username, Function.identity()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the users file " + file, e);
        }
    }
}

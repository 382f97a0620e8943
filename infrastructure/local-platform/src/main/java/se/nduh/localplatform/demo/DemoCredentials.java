package se.nduh.localplatform.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The demo users' passwords from {@code demo-users.csv}, as HTTP Basic credentials. */
public final class DemoCredentials {

    private final Map<String, String> passwords;
    private final Map<String, String> roles;

    private DemoCredentials(Map<String, String> passwords, Map<String, String> roles) {
        this.passwords = passwords;
        this.roles = roles;
    }

    public static DemoCredentials read(Path dataDir) throws IOException {
        Map<String, String> passwords = new HashMap<>();
        Map<String, String> roles = new HashMap<>();
        List<String> lines = Files.readAllLines(dataDir.resolve("demo-users.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.split(",");
            passwords.put(columns[0], columns[1]);
            roles.put(columns[0], columns[2] + ":" + columns[3]);
        }
        return new DemoCredentials(passwords, roles);
    }

    /** The regions that have a demo user of this role. */
    public List<String> regionsWith(String role) {
        return roles.values().stream().filter(grant -> grant.startsWith(role + ":"))
                .map(grant -> grant.substring(role.length() + 1)).sorted().toList();
    }

    public String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + passwords.get(user)).getBytes(StandardCharsets.UTF_8));
    }
}

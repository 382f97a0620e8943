package se.nduh.localplatform.demo;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.infrastructure.security.Grant;
import se.nduh.infrastructure.security.LocalUser;
import se.nduh.infrastructure.security.Role;
import se.nduh.kernel.region.Region;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Makes the demo users of the single-machine default on first {@code ./nduh up}: for every served region one
 * elected official, civil servant, provider and auditor, plus an operator and, where the deployment is also the
 * network's ({@code NDUH_NETWORK}, true by default), two network coordinators. Writes
 * {@code users.csv} (bcrypt hashes only: the store the applications read) and {@code demo-users.csv}
 * ({@code username,password,role,regions}: the generated passwords, for the people trying the platform).
 */
public final class DemoUserGenerator {

    static final List<Role> REGION_ROLES = List.of(Role.FORTROENDEVALD, Role.TJANSTEPERSON, Role.UTFORARE, Role.REVISOR);
    private static final int COORDINATORS = 2;

    private DemoUserGenerator() {
    }

    /** A demo user with the password in clear, before hashing. */
    public record DemoUser(String username, String password, Grant grant, String provider, String displayName) {
    }

    /** The provider (utförare) the demo region's provider user answers for, and the demo commissions address. */
    public static String providerOf(Region region) {
        return "Vårdgivaren i " + region.name();
    }

    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "data");
        SecureRandom random = new SecureRandom();
        // a region's own deployment has the users of the regions it serves (NDUH_SERVED_REGIONS), the default run every member's;
        // the coordinators are the network's (NDUH_NETWORK), so a region's own deployment has none
        boolean network = !"false".equalsIgnoreCase(String.valueOf(System.getenv("NDUH_NETWORK")).strip());
        List<DemoUser> users = demoUsers(directory().served(), network, () -> password(random));
        write(dataDir, users, new BCryptPasswordEncoder(), random);
        System.out.println("Wrote " + users.size() + " demo users to " + dataDir.resolve("demo-users.csv"));
    }

    /** The member regions as the applications read them: {@code NDUH_REGIONS_FILE}, or the built-in list. */
    public static List<Region> memberRegions() {
        return directory().all();
    }

    /** The regions as the applications read them: members from {@code NDUH_REGIONS_FILE}, served from {@code NDUH_SERVED_REGIONS}. */
    private static RegionDirectory directory() {
        String regionsFile = System.getenv("NDUH_REGIONS_FILE");
        String served = System.getenv("NDUH_SERVED_REGIONS");
        Resource regions = regionsFile == null || regionsFile.isBlank()
                ? new ClassPathResource("nduh/regions.csv") : new FileSystemResource(regionsFile);
        return new RegionDirectory(regions, served == null ? "" : served);
    }

    public static List<DemoUser> demoUsers(List<Region> regions, Supplier<String> passwords) {
        return demoUsers(regions, true, passwords);
    }

    /** The served regions' users, an operator, and the network's coordinators if this deployment is the network's. */
    public static List<DemoUser> demoUsers(List<Region> regions, boolean network, Supplier<String> passwords) {
        List<DemoUser> users = new ArrayList<>();
        for (Region region : regions) {
            for (Role role : REGION_ROLES) {
                users.add(new DemoUser(region.code().value() + "-" + role.code(), passwords.get(),
                        Grant.ofRegions(role, region.code()), role == Role.UTFORARE ? providerOf(region) : null,
                        capitalised(role.swedish()) + " i " + region.name()));
            }
        }
        users.add(new DemoUser("drift-1", passwords.get(), Grant.ofNetwork(Role.DRIFT), null, "Driftansvarig för plattformen"));
        for (int i = 1; network && i <= COORDINATORS; i++) {
            users.add(new DemoUser("samordnare-" + i, passwords.get(), Grant.ofNetwork(Role.SAMORDNARE), null,
                    "Samordnare " + i + " för NDUH-nätverken"));
        }
        return users;
    }

    /** Writes both files; user ids are random, so nothing about a person can be read from them. */
    public static void write(Path dataDir, List<DemoUser> users, PasswordEncoder encoder, SecureRandom random) throws IOException {
        Files.createDirectories(dataDir);
        List<String> store = Stream.concat(Stream.of(LocalUser.HEADER), users.parallelStream()
                .map(user -> new LocalUser(userId(random), user.username(), encoder.encode(user.password()),
                        List.of(user.grant()), user.provider(), user.displayName()).line())).toList();
        List<String> demo = Stream.concat(Stream.of("username,password,role,regions"), users.stream()
                .map(user -> String.join(",", user.username(), user.password(), user.grant().role().code(),
                        user.grant().regionsText()))).toList();
        writePrivate(dataDir.resolve("users.csv"), store);
        writePrivate(dataDir.resolve("demo-users.csv"), demo);
    }

    private static void writePrivate(Path file, List<String> lines) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String userId(SecureRandom random) {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return "u-" + HexFormat.of().formatHex(bytes);
    }

    private static String password(SecureRandom random) {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}

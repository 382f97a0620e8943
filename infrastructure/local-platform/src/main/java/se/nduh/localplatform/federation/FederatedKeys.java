package se.nduh.localplatform.federation;

import se.nduh.kernel.signing.RecordSignatures;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The keys of a federated run: each deployment's secret keys file ({@code name=base64} of 32 random bytes, the
 * format {@code NDUH_REGION_KEYS_FILE} takes; a region's deployment holds its region's key, the network's the key
 * {@code network}) and one public keys file with every name's public signing key ({@code name=base64} of the raw
 * Ed25519 key, as {@code NDUH_REGION_PUBLIC_KEYS_FILE} takes), for every deployment to check the others' records.
 * <p>
 * A secret key is made only when its file lacks it: an existing key is never replaced (a new one would give the region
 * new pseudonyms and signatures the others do not know). The public keys file is derived, so it is written anew.
 * <p>
 * {@code FederatedKeys <public keys file> <name>=<secret keys file>...}, e.g.
 * {@code FederatedKeys fed/public-keys.properties network=fed/network/region-keys.properties halland=fed/halland/region-keys.properties}.
 */
public final class FederatedKeys {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final SecureRandom random;

    FederatedKeys(SecureRandom random) {
        this.random = random;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("Usage: FederatedKeys <public keys file> <name>=<secret keys file>...");
            System.exit(2);
        }
        Map<String, Path> secretFiles = new LinkedHashMap<>();
        for (String argument : List.of(args).subList(1, args.length)) {
            int equals = argument.indexOf('=');
            if (equals < 1 || secretFiles.put(argument.substring(0, equals), Path.of(argument.substring(equals + 1))) != null) {
                System.err.println("Not a distinct <name>=<secret keys file>: " + argument);
                System.exit(2);
            }
        }
        Path publicFile = Path.of(args[0]);
        Map<String, byte[]> published = new FederatedKeys(new SecureRandom()).write(secretFiles, publicFile);
        System.out.println("Public keys of " + String.join(", ", published.keySet()) + " in " + publicFile);
    }

    /**
     * Makes each missing secret key in its file (keeping whatever else the file holds), then writes every name's
     * public signing key to the public keys file. Answers the public keys by name.
     */
    public Map<String, byte[]> write(Map<String, Path> secretFiles, Path publicFile) throws IOException {
        Map<String, byte[]> publicKeys = new TreeMap<>();
        for (Map.Entry<String, Path> deployment : secretFiles.entrySet()) {
            String name = deployment.getKey();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a region code or 'network': " + name);
            }
            byte[] secret = secretKey(name, deployment.getValue());
            publicKeys.put(name, RecordSignatures.regionKey(secret).publicKey());
        }
        List<String> lines = new ArrayList<>();
        lines.add("# Public signing keys of the federated run's deployments (name=base64 raw Ed25519): share freely");
        publicKeys.forEach((name, key) -> lines.add(name + "=" + Base64.getEncoder().encodeToString(key)));
        replace(publicFile, lines, "rw-r--r--");
        return publicKeys;
    }

    /** The name's secret key in the file, made and added to the file if it has none. */
    private byte[] secretKey(String name, Path file) throws IOException {
        Properties keys = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                keys.load(reader);
            }
        }
        String key = keys.getProperty(name);
        if (key == null) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            keys.setProperty(name, Base64.getEncoder().encodeToString(fresh));
            Path temporary = temporaryBeside(file, "rw-------");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.ISO_8859_1)) {
                keys.store(writer, "Secret keys of this deployment: never share or commit");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return fresh;
        }
        byte[] secret = Base64.getDecoder().decode(key.strip());
        if (secret.length != 32) {
            throw new IllegalStateException("The key " + name + " in " + file + " has " + secret.length + " bytes, not 32");
        }
        return secret;
    }

    private static void replace(Path file, List<String> lines, String permissions) throws IOException {
        Path temporary = temporaryBeside(file, permissions);
        Files.write(temporary, lines, StandardCharsets.ISO_8859_1);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path temporaryBeside(Path file, String permissions) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return Files.createTempFile(parent, file.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
    }
}

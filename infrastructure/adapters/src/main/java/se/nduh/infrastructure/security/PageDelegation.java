package se.nduh.infrastructure.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * How the pages' server (the query side) sends a signed-in user's commands to the command side: it signs a token
 * of a minute for the user (HS256 with a secret both sides hold), which the command side accepts as it accepts
 * an OIDC bearer token and puts through the same access table. The browser never sees the token.
 */
public final class PageDelegation {

    static final String ISSUER = "nduh-pages";
    static final String AUDIENCE = "nduh-command-side";
    private static final Duration LIFETIME = Duration.ofMinutes(1);
    private static final int SECRET_BYTES = 32;
    static final SecurityProperties.Oidc CLAIMS = new SecurityProperties.Oidc(ISSUER, null, AUDIENCE, JwtClaimNames.SUB,
            "grants", "provider", null, null);

    private final SecretKey key;
    private final NimbusJwtEncoder encoder;

    private PageDelegation(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
    }

    /**
     * The secret in the file (Base64 of at least 32 bytes); a missing file is made, readable by its owner only, so
     * that the single-machine run needs no set-up. Whichever side starts first makes it, the other reads it.
     */
    public static PageDelegation fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] secret = Base64.getDecoder().decode(Files.readString(file).strip());
            if (secret.length < SECRET_BYTES) {
                throw new IllegalStateException("The page delegation secret " + file + " is shorter than " + SECRET_BYTES + " bytes");
            }
            return new PageDelegation(secret);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the page delegation secret " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        Path temporary = Files.createTempFile(parent, "page-delegation", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, Base64.getEncoder().encodeToString(secret));
        try {
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException made) {
            // The other side was first: its secret stands.
        } finally {
            Files.delete(temporary);
        }
    }

    /** A token for the user's commands of the next minute. */
    public String tokenFor(Actor actor) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(ISSUER).audience(List.of(AUDIENCE)).subject(actor.userId())
                .issuedAt(now).expiresAt(now.plus(LIFETIME))
                .claim(CLAIMS.grantsClaim(), actor.grants().stream().map(Grant::toString).toList());
        if (actor.provider() != null) {
            claims.claim(CLAIMS.providerClaim(), actor.provider());
        }
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build())).getTokenValue();
    }

    /** Checks signature, expiry, issuer and audience. */
    ReactiveJwtDecoder decoder() {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ISSUER),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, audience -> audience != null && audience.contains(AUDIENCE))));
        return decoder;
    }
}

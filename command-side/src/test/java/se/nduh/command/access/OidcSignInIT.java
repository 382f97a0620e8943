package se.nduh.command.access;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.SignedTokens;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production sign-in: real RS256 tokens from a key pair made here, the JWK set served on loopback as an OIDC
 * provider would; expired, wrongly signed, wrong-audience and wrong-issuer tokens are refused.
 */
@PlatformIT
class OidcSignInIT {

    private static final String ISSUER = "https://idp.region-halland.test";
    private static final RSAKey SIGNING_KEY = SignedTokens.rsaKey("halland-1");
    private static final RSAKey FOREIGN_KEY = SignedTokens.rsaKey("halland-1");
    private static final HttpServer JWKS = jwksServer();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("nduh.security.mode", () -> "oidc");
        registry.add("nduh.security.oidc.issuer-uri", () -> ISSUER);
        registry.add("nduh.security.oidc.jwk-set-uri", () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
        registry.add("nduh.security.oidc.audience", () -> "nduh");
    }

    @AfterAll
    static void stopJwks() {
        JWKS.stop(0);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;

    @Test
    void a_valid_token_acts_as_its_subject_in_its_role_and_region() {
        Map<?, ?> accepted = propose(token(SIGNING_KEY, "u-4711", List.of("tjansteperson:halland"), "nduh", ISSUER, 300))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(eventStore.readEvents((String) accepted.get("id")).next().getMetaData())
                .containsEntry("userId", "u-4711").containsEntry("role", "tjansteperson").containsEntry("region", "halland");
    }

    @Test
    void a_valid_token_for_another_region_is_forbidden() {
        propose(token(SIGNING_KEY, "u-4711", List.of("tjansteperson:skane"), "nduh", ISSUER, 300)).expectStatus().isForbidden();
    }

    @Test
    void an_expired_token_is_refused() {
        propose(token(SIGNING_KEY, "u-4711", List.of("tjansteperson:halland"), "nduh", ISSUER, -600))
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    @Test
    void a_token_signed_by_another_key_is_refused() {
        propose(token(FOREIGN_KEY, "u-4711", List.of("tjansteperson:halland"), "nduh", ISSUER, 300)).expectStatus().isUnauthorized();
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        propose(token(SIGNING_KEY, "u-4711", List.of("tjansteperson:halland"), "another-app", ISSUER, 300)).expectStatus().isUnauthorized();
    }

    @Test
    void a_token_from_another_issuer_is_refused() {
        propose(token(SIGNING_KEY, "u-4711", List.of("tjansteperson:halland"), "nduh", "https://evil.test", 300)).expectStatus().isUnauthorized();
    }

    @Test
    void basic_credentials_are_not_accepted_in_oidc_mode() {
        web.post().uri("/api/v1/regions/halland/needs").header(HttpHeaders.AUTHORIZATION, "Basic aGFsbGFuZDp4")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(AccessSpotChecksIT.NEED)
                .exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec propose(String token) {
        return web.post().uri("/api/v1/regions/halland/needs")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(AccessSpotChecksIT.NEED)
                .exchange();
    }

    private static String token(RSAKey key, String subject, List<String> grants, String audience, String issuer, long expiresInSeconds) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject).issuer(issuer).audience(audience)
                .issueTime(Date.from(now.minus(1, ChronoUnit.HOURS)))
                .expirationTime(Date.from(now.plusSeconds(expiresInSeconds)))
                .claim("nduh_grants", grants)
                .build();
        return SignedTokens.sign(key, claims);
    }

    private static HttpServer jwksServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(SIGNING_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

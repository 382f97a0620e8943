package se.nduh.query.web;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.SignedTokens;

import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in oidc mode sign in through the region's provider: a small provider on loopback (discovery, an
 * authorization endpoint that signs in whom the test names, a token endpoint checking the client's secret and PKCE,
 * RS256 tokens and their JWK set) and a browser that keeps cookies and follows redirects. The signed-in user acts with
 * the grants the ID token carries, under the access table; the API's clients keep bearer tokens and 401 problems; a
 * page's command goes to the command side (a recorder on loopback here) with the provider's access token.
 */
@PlatformIT
class ProviderSignInIT {

    private static final String CLIENT_ID = "nduh-pages";
    private static final String CLIENT_SECRET = "pages-secret";
    private static final String HALLAND_OFFICER = "u-halland-1";
    private static final String SKANE_OFFICER = "u-skane-1";
    private static final String WITHOUT_GRANTS = "u-nobody";
    private static final Map<String, List<String>> GRANTS = Map.of(
            HALLAND_OFFICER, List.of("tjansteperson:halland"),
            SKANE_OFFICER, List.of("tjansteperson:skane"));

    private static final Provider PROVIDER = new Provider();
    private static final CommandSide COMMAND_SIDE = new CommandSide();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("nduh.security.mode", () -> "oidc");
        registry.add("nduh.security.oidc.issuer-uri", PROVIDER::issuer);
        registry.add("nduh.security.oidc.audience", () -> "nduh");
        registry.add("nduh.security.oidc.client-id", () -> CLIENT_ID);
        registry.add("nduh.security.oidc.client-secret", () -> CLIENT_SECRET);
        registry.add("nduh.command-side.url", COMMAND_SIDE::url);
    }

    @AfterAll
    static void stopServers() {
        PROVIDER.server.stop(0);
        COMMAND_SIDE.server.stop(0);
    }

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient web;

    @Test
    void a_visitor_not_signed_in_is_sent_from_a_page_to_the_provider_with_pkce() {
        Browser browser = new Browser();

        HttpResponse<String> page = browser.get("/sidor/behov");
        assertThat(page.statusCode()).isEqualTo(302);
        HttpResponse<String> start = browser.get(browser.next(page).toString());
        assertThat(start.statusCode()).isEqualTo(302);
        URI atProvider = browser.next(start);

        assertThat(atProvider.toString()).startsWith(PROVIDER.issuer() + "/authorize?");
        assertThat(query(atProvider)).containsEntry("client_id", CLIENT_ID).containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256").containsKey("code_challenge").containsKey("nonce")
                .containsEntry("redirect_uri", base() + "/login/oauth2/code/region");
    }

    @Test
    void signed_in_at_the_provider_the_visitor_is_back_on_the_page_as_the_tokens_subject_with_its_grants() {
        Browser browser = new Browser();

        HttpResponse<String> landed = browser.signIn("/sidor/behov", HALLAND_OFFICER);

        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().getPath()).isEqualTo("/sidor/behov");
        assertThat(landed.body()).contains("<main id=\"innehall\"");
        HttpResponse<String> me = browser.get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"" + HALLAND_OFFICER + "\"", "\"role\":\"tjansteperson\"", "\"regions\":\"halland\"");
    }

    @Test
    void a_user_of_another_region_is_refused_that_regions_api() {
        Browser browser = new Browser();
        browser.signIn("/", SKANE_OFFICER);

        assertThat(browser.get("/api/v1/regions/halland/needs").statusCode()).isEqualTo(403);
        assertThat(browser.get("/api/v1/regions/skane/needs").statusCode()).isEqualTo(200);
    }

    @Test
    void a_sign_in_whose_token_grants_nothing_is_refused_and_keeps_no_user() {
        Browser browser = new Browser();

        HttpResponse<String> landed = browser.signIn("/", WITHOUT_GRANTS);

        assertThat(landed.uri().getPath()).isEqualTo("/logga-in");
        assertThat(landed.uri().getQuery()).isEqualTo("fel");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void the_sign_in_page_offers_the_provider_instead_of_a_password_form() {
        web.get().uri("/logga-in").exchange().expectStatus().isOk().expectBody(String.class)
                .value(html -> assertThat(html).contains("href=\"/oauth2/authorization/region\"", "Logga in via regionens inloggning")
                        .doesNotContain("type=\"password\""));
    }

    @Test
    void the_api_without_credentials_is_a_401_problem_never_a_redirect_and_bearer_tokens_keep_no_session() {
        web.get().uri("/api/v1/regions/halland/needs").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*");
        web.get().uri("/api/v1/regions/halland/needs").header(HttpHeaders.AUTHORIZATION, "Bearer " + PROVIDER.accessToken(HALLAND_OFFICER))
                .exchange().expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
    }

    @Test
    void a_pages_command_reaches_the_command_side_with_the_users_own_access_token() {
        Browser browser = new Browser();
        browser.signIn("/sidor/behov", HALLAND_OFFICER);

        HttpResponse<String> refused = browser.post("/command-side/api/v1/regions/halland/needs", "{}", false);
        assertThat(refused.statusCode()).as("no CSRF token, no command").isEqualTo(403);
        HttpResponse<String> answer = browser.post("/command-side/api/v1/regions/halland/needs", "{}", true);

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.headers().firstValue(HttpHeaders.LOCATION)).hasValue("/api/v1/regions/halland/needs/n-1");
        assertThat(COMMAND_SIDE.received).singleElement().satisfies(command -> {
            assertThat(command.path()).isEqualTo("/api/v1/regions/halland/needs");
            assertThat(command.authorization()).isEqualTo("Bearer " + PROVIDER.issued.get(HALLAND_OFFICER));
            assertThat(command.cookie()).as("the browser's cookies stay on the query side").isNull();
        });
    }

    @Test
    void signing_out_ends_the_session_and_its_tokens() {
        Browser browser = new Browser();
        browser.signIn("/", HALLAND_OFFICER);

        HttpResponse<String> signedOut = browser.post("/logga-ut", "", true);

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue(HttpHeaders.LOCATION)).hasValue("/logga-in?utloggad");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(browser.post("/command-side/api/v1/regions/halland/needs", "{}", false).statusCode()).isEqualTo(401);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    /** A browser: keeps cookies, follows redirects only when told, and signs in at the provider as whom the test names. */
    private final class Browser {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        // HTTP/1.1 as browsers speak it to a plain-text server (the client's h2c upgrade left requests unanswered), and a
        // client per request, so that no kept-alive connection the loopback servers may have dropped is reused
        private HttpClient http() {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        HttpResponse<String> get(String pathOrUrl) {
            return send(HttpRequest.newBuilder(resolve(pathOrUrl)).header(HttpHeaders.ACCEPT, "text/html,application/json").GET());
        }

        /** A change as the pages' script sends it: the session cookie, and its CSRF token in the header if asked to. */
        HttpResponse<String> post(String path, String json, boolean withCsrfToken) {
            HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path)).header(HttpHeaders.CONTENT_TYPE, "application/json")
                    .header("X-Requested-With", "XMLHttpRequest").POST(HttpRequest.BodyPublishers.ofString(json));
            if (withCsrfToken) {
                request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
            }
            return send(request);
        }

        /** Asks for a page, goes to the provider, signs in there as the user and follows the way back. */
        HttpResponse<String> signIn(String page, String userId) {
            HttpResponse<String> response = get(page);
            while (response.statusCode() == 302) {
                URI next = next(response);
                response = get(next.toString().startsWith(PROVIDER.issuer()) ? next + "&login_hint=" + userId : next.toString());
            }
            return response;
        }

        URI next(HttpResponse<String> redirect) {
            return redirect.uri().resolve(redirect.headers().firstValue(HttpHeaders.LOCATION).orElseThrow());
        }

        private String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
        }

        private URI resolve(String pathOrUrl) {
            return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base() + pathOrUrl);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http().send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The region's OIDC provider, as small as the flow allows: it signs in the user named in {@code login_hint}, and its
     * token endpoint checks the client's secret, the redirect URI and the PKCE verifier before issuing RS256 tokens.
     */
    private static final class Provider {
        private final RSAKey key = SignedTokens.rsaKey("region-1");
        private final HttpServer server = loopback();
        private final Map<String, Authorization> codes = new ConcurrentHashMap<>();
        /** The access token last issued to each user, to recognise it where it arrives. */
        private final Map<String, String> issued = new ConcurrentHashMap<>();

        private record Authorization(String userId, String nonce, String redirectUri, String challenge) {
        }

        Provider() {
            server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange, 200, "application/json", """
                    {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                     "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                     "id_token_signing_alg_values_supported":["RS256"],"token_endpoint_auth_methods_supported":["client_secret_basic"],
                     "code_challenge_methods_supported":["S256"]}""".formatted(issuer())));
            server.createContext("/jwks", exchange -> respond(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/authorize", exchange -> {
                Map<String, String> request = query(exchange.getRequestURI());
                String code = UUID.randomUUID().toString();
                codes.put(code, new Authorization(request.get("login_hint"), request.get("nonce"), request.get("redirect_uri"),
                        request.get("code_challenge")));
                exchange.getResponseHeaders().set(HttpHeaders.LOCATION, request.get("redirect_uri") + "?code=" + code
                        + "&state=" + URLEncoder.encode(request.get("state"), StandardCharsets.UTF_8));
                respond(exchange, 302, "text/plain", "");
            });
            server.createContext("/token", exchange -> {
                Map<String, String> form = query(URI.create("?" + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                Authorization authorization = codes.remove(form.get("code"));
                String client = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
                if (authorization == null || !client.equals(exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION))
                        || !authorization.redirectUri().equals(form.get("redirect_uri"))
                        || !authorization.challenge().equals(s256(form.get("code_verifier")))) {
                    respond(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                    return;
                }
                String accessToken = accessToken(authorization.userId());
                issued.put(authorization.userId(), accessToken);
                respond(exchange, 200, "application/json", """
                        {"access_token":"%s","token_type":"Bearer","expires_in":300,"scope":"openid","id_token":"%s"}"""
                        .formatted(accessToken, idToken(authorization)));
            });
            server.start();
        }

        String issuer() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        String accessToken(String userId) {
            return SignedTokens.sign(key, claims(userId).audience("nduh").build());
        }

        private String idToken(Authorization authorization) {
            return SignedTokens.sign(key, claims(authorization.userId()).audience(CLIENT_ID).claim("nonce", authorization.nonce()).build());
        }

        private JWTClaimsSet.Builder claims(String userId) {
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer()).subject(userId)
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
            return GRANTS.containsKey(userId) ? claims.claim("nduh_grants", GRANTS.get(userId)) : claims;
        }

        private static String s256(String verifier) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(verifier).getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Stands in for the command side: records each command it is sent and answers that it was made. */
    private static final class CommandSide {
        private final HttpServer server = loopback();
        private final List<Received> received = new ArrayList<>();

        private record Received(String path, String authorization, String cookie) {
        }

        CommandSide() {
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                synchronized (received) {
                    received.add(new Received(exchange.getRequestURI().getPath(),
                            exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION), exchange.getRequestHeaders().getFirst(HttpHeaders.COOKIE)));
                }
                exchange.getResponseHeaders().set(HttpHeaders.LOCATION, exchange.getRequestURI().getPath() + "/n-1");
                respond(exchange, 201, "application/json", "{\"id\":\"n-1\"}");
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }

    private static HttpServer loopback() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            // a thread per exchange, so that one slow exchange does not hold up the next (CI once timed out a sign-in)
            server.setExecutor(Executors.newCachedThreadPool());
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set(HttpHeaders.CONTENT_TYPE, contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

package se.nduh.infrastructure.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.DelegatingServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Set;

/**
 * Sign-in for the web pages: a form posted to {@value #SIGN_IN} (in oidc mode the region's provider instead), a
 * session (a new id on sign-in) and CSRF protection for every change a session asks for. The token is in a cookie
 * the pages' script reads and sends back in the {@code X-XSRF-TOKEN} header (or the form's {@code _csrf} field). A
 * request signing in with HTTP Basic or a bearer token keeps no session and needs no token, as before: a browser
 * never adds those headers by itself.
 */
final class PageSessions {

    static final String SIGN_IN = "/logga-in";
    static final String SIGN_OUT = "/logga-ut";
    private static final String SESSION_COOKIE = "SESSION";
    /** The pages themselves; their scripts, styles and the sign-in page are anybody's. */
    private static final ServerWebExchangeMatcher PAGES = ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/", "/sidor/**");
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private PageSessions() {
    }

    /** The pages with the sign-in form against the users file (local mode). */
    static void withPasswords(ServerHttpSecurity http, LocalAuthenticationManager passwords) {
        WebSessionServerSecurityContextRepository sessions = sessions(http);
        http.formLogin(form -> form.loginPage(SIGN_IN)
                .authenticationManager(passwords)
                .securityContextRepository(sessions)
                .authenticationSuccessHandler(signedIn())
                .authenticationFailureHandler(failedSignIn()));
    }

    /**
     * The pages with the sign-in through the region's provider (oidc mode). A page asked for by nobody signed in goes
     * to the provider and, signed in, back to that page; the API still answers a {@code 401} problem, never a redirect.
     */
    static void withProvider(ServerHttpSecurity http, ProviderSignIn provider, ServerAuthenticationEntryPoint api) {
        provider.configure(http, sessions(http), signedIn(), new RedirectServerAuthenticationFailureHandler(SIGN_IN + "?fel"));
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(PAGES, new RedirectServerAuthenticationEntryPoint(ProviderSignIn.START)));
        entryPoint.setDefaultEntryPoint(api);
        http.authorizeExchange(exchanges -> exchanges.matchers(PAGES).authenticated())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint));
    }

    /** Sessions, CSRF protection and sign-out, whichever way the pages sign in. */
    private static WebSessionServerSecurityContextRepository sessions(ServerHttpSecurity http) {
        WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
        RedirectServerLogoutSuccessHandler signedOut = new RedirectServerLogoutSuccessHandler();
        signedOut.setLogoutSuccessUrl(URI.create(SIGN_IN + "?utloggad"));
        http.securityContextRepository(sessions)
                .csrf(csrf -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(PageSessions::changeBySession))
                // The whole session ends, with the provider's tokens where it holds them.
                .logout(logout -> logout.logoutUrl(SIGN_OUT).logoutSuccessHandler(signedOut)
                        .logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(), new WebSessionServerLogoutHandler())))
                .addFilterAfter((exchange, chain) -> csrfTokenOf(exchange).then(chain.filter(exchange)), SecurityWebFiltersOrder.CSRF);
        return sessions;
    }

    /** A new session id for the signed-in user, then the page they asked for, or the start. */
    private static ServerAuthenticationSuccessHandler signedIn() {
        return new DelegatingServerAuthenticationSuccessHandler(
                (exchange, authentication) -> exchange.getExchange().getSession().flatMap(WebSession::changeSessionId),
                new RedirectServerAuthenticationSuccessHandler("/"));
    }

    /** Back to the form, saying why: a wrong password, or too many of them. */
    private static ServerAuthenticationFailureHandler failedSignIn() {
        RedirectServerAuthenticationFailureHandler wrong = new RedirectServerAuthenticationFailureHandler(SIGN_IN + "?fel");
        RedirectServerAuthenticationFailureHandler throttled = new RedirectServerAuthenticationFailureHandler(SIGN_IN + "?sparrad");
        return (exchange, failure) -> failure instanceof LocalAuthenticationManager.LoginThrottled
                ? throttled.onAuthenticationFailure(exchange, failure) : wrong.onAuthenticationFailure(exchange, failure);
    }

    /**
     * A change asked for by a session (or the sign-in and sign-out forms, which make and end one), not by a request
     * carrying its own credentials.
     */
    private static Mono<ServerWebExchangeMatcher.MatchResult> changeBySession(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        boolean bySession = request.getCookies().containsKey(SESSION_COOKIE) || path.equals(SIGN_IN) || path.equals(SIGN_OUT);
        return !SAFE.contains(request.getMethod()) && !request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION) && bySession
                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    /** Makes the token (and so its cookie) for a page, which Spring Security otherwise makes only when asked for. */
    private static Mono<CsrfToken> csrfTokenOf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null || exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")
                ? Mono.empty() : token;
    }
}

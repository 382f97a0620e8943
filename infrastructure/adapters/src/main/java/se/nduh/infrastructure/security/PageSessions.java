package se.nduh.infrastructure.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.authentication.DelegatingServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Set;

/**
 * Sign-in for the web pages: a form posted to {@value #SIGN_IN}, a session (a new id on sign-in) and CSRF protection
 * for every change a session asks for. The token is in a cookie the pages' script reads and sends back in the
 * {@code X-XSRF-TOKEN} header (or the form's {@code _csrf} field). A request signing in with HTTP Basic or a
 * bearer token keeps no session and needs no token, as before: a browser never adds those headers by itself.
 */
final class PageSessions {

    static final String SIGN_IN = "/logga-in";
    static final String SIGN_OUT = "/logga-ut";
    private static final String SESSION_COOKIE = "SESSION";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private PageSessions() {
    }

    static void configure(ServerHttpSecurity http, LocalAuthenticationManager passwords) {
        WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
        RedirectServerLogoutSuccessHandler signedOut = new RedirectServerLogoutSuccessHandler();
        signedOut.setLogoutSuccessUrl(URI.create(SIGN_IN + "?utloggad"));
        http.securityContextRepository(sessions)
                .csrf(csrf -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(PageSessions::changeBySession))
                .formLogin(form -> form.loginPage(SIGN_IN)
                        .authenticationManager(passwords)
                        .securityContextRepository(sessions)
                        .authenticationSuccessHandler(new DelegatingServerAuthenticationSuccessHandler(
                                (exchange, authentication) -> exchange.getExchange().getSession().flatMap(WebSession::changeSessionId),
                                new RedirectServerAuthenticationSuccessHandler("/")))
                        .authenticationFailureHandler(failedSignIn()))
                .logout(logout -> logout.logoutUrl(SIGN_OUT).logoutSuccessHandler(signedOut))
                .addFilterAfter((exchange, chain) -> csrfTokenOf(exchange).then(chain.filter(exchange)), SecurityWebFiltersOrder.CSRF);
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

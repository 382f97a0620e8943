package se.nduh.infrastructure.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The pages' sign-in through the region's OIDC provider (oidc mode): the authorization code flow with PKCE, as the
 * client {@code nduh.security.oidc.client-id}. The session keeps the {@link Actor} that the ID token and user info
 * name, read by the same {@link TokenActorConverter} as bearer tokens, and the provider's tokens, whose access token
 * goes with the user's commands to the command side (docs/decisions/0012-pages-relay-the-providers-access-token.md).
 */
public final class ProviderSignIn {

    /** The registration's id, part of the redirect URI registered at the provider: {@code {baseUrl}/login/oauth2/code/region}. */
    static final String REGISTRATION = "region";
    /** Where a page visitor goes to sign in: on from here to the provider. */
    public static final String START = "/oauth2/authorization/" + REGISTRATION;

    private final SecurityProperties.Oidc oidc;
    private final ReactiveClientRegistrationRepository registrations;
    private final ServerOAuth2AuthorizedClientRepository authorizedClients = new WebSessionServerOAuth2AuthorizedClientRepository();
    private final ReactiveOAuth2AuthorizedClientManager clients;

    ProviderSignIn(SecurityProperties.Oidc oidc) {
        this.oidc = oidc;
        // Discovered when first needed, so that the pages' server starts while the provider is away; a failure is retried.
        Mono<ClientRegistration> registration = Mono.fromCallable(() -> ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                        .registrationId(REGISTRATION).clientId(oidc.clientId()).clientSecret(oidc.clientSecret())
                        .scope(OidcScopes.OPENID)
                        .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                        .build())
                .subscribeOn(Schedulers.boundedElastic())
                .cacheInvalidateIf(found -> false);
        this.registrations = id -> REGISTRATION.equals(id) ? registration : Mono.empty();
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder().refreshToken().build());
        this.clients = manager;
    }

    void configure(ServerHttpSecurity http, ServerSecurityContextRepository sessions, ServerAuthenticationSuccessHandler signedIn,
                   ServerAuthenticationFailureHandler failed) {
        http.oauth2Login(login -> login.clientRegistrationRepository(registrations)
                .authorizedClientRepository(authorizedClients)
                .securityContextRepository(actorsIn(sessions, new TokenActorConverter(oidc)))
                .authenticationSuccessHandler(signedIn)
                .authenticationFailureHandler(failed));
    }

    /** The access token the provider issued at the user's sign-in, renewed with its refresh token once it expires. */
    Mono<String> accessToken(Actor actor, ServerWebExchange exchange) {
        return clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(actor.userId())
                        .attribute(ServerWebExchange.class.getName(), exchange).build())
                .map(client -> client.getAccessToken().getTokenValue());
    }

    /**
     * The session keeps the actor the provider's claims name, as after a password sign-in, so that the access table,
     * {@code /api/v1/me} and the commands see one kind of user. Claims that name none fail the sign-in.
     */
    private static ServerSecurityContextRepository actorsIn(ServerSecurityContextRepository sessions, TokenActorConverter actors) {
        return new ServerSecurityContextRepository() {
            @Override
            public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
                return actors.actorOf((OidcUser) context.getAuthentication().getPrincipal())
                        .flatMap(actor -> sessions.save(exchange, new SecurityContextImpl(actor)));
            }

            @Override
            public Mono<SecurityContext> load(ServerWebExchange exchange) {
                return sessions.load(exchange);
            }
        };
    }
}

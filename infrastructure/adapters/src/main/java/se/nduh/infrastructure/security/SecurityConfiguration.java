package se.nduh.infrastructure.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.infrastructure.web.ProblemResponses;
import se.nduh.infrastructure.web.Problems;

import java.util.ArrayList;
import java.util.List;

/**
 * The security chain of both sides: stateless sign-in (HTTP Basic against the users file, or OIDC bearer
 * tokens), the pages' sessions where pages are served ({@link PageSessions}), then {@link AccessFilter} applying
 * {@link AccessPolicy}. Failures are problems, like every error.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
@Import(MeController.class)
public class SecurityConfiguration {

    @Bean
    UserDirectory userDirectory(SecurityProperties properties) {
        return new UserDirectory(properties.usersFile());
    }

    @Bean
    PageDelegation pageDelegation(SecurityProperties properties) {
        return PageDelegation.fromFile(properties.delegationSecretFile());
    }

    /** Only used in oidc mode where pages are served; asks the provider nothing until then. */
    @Bean
    ProviderSignIn providerSignIn(SecurityProperties properties) {
        return new ProviderSignIn(properties.oidc());
    }

    /** Local: the pages' server vouches for its user; oidc: the provider does, through the access token it issued. */
    @Bean
    PageCommandTokens pageCommandTokens(SecurityProperties properties, PageDelegation delegation, ProviderSignIn provider) {
        return properties.mode() == SecurityProperties.Mode.LOCAL
                ? (actor, exchange) -> Mono.just(delegation.tokenFor(actor))
                : provider::accessToken;
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, SecurityProperties properties,
                                                  UserDirectory users, RegionDirectory regions, ObjectMapper json,
                                                  PageDelegation delegation, ProviderSignIn provider) {
        ProblemResponses problems = new ProblemResponses(json);
        boolean local = properties.mode() == SecurityProperties.Mode.LOCAL;
        String challenge = local ? "Basic realm=\"NDUH\", charset=\"UTF-8\"" : "Bearer";
        ServerAuthenticationEntryPoint entryPoint = entryPoint(problems, challenge);

        http.exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
                .addFilterAt(new AccessFilter(problems, challenge, regions), SecurityWebFiltersOrder.AUTHORIZATION);
        if (local) {
            LocalAuthenticationManager passwords = new LocalAuthenticationManager(users);
            // Basic and bearer sign in on every request and keep nothing, also where pages keep sessions.
            http.httpBasic(basic -> basic.authenticationManager(passwords).authenticationEntryPoint(entryPoint)
                            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance()))
                    .oauth2ResourceServer(resourceServer -> resourceServer
                            .authenticationEntryPoint(entryPoint)
                            .jwt(jwt -> jwt.jwtDecoder(delegation.decoder())
                                    .jwtAuthenticationConverter(new TokenActorConverter(PageDelegation.CLAIMS))));
            if (properties.pages()) {
                PageSessions.withPasswords(http, passwords);
            } else {
                stateless(http);
            }
        } else {
            http.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                    .oauth2ResourceServer(resourceServer -> resourceServer
                            .authenticationEntryPoint(entryPoint)
                            .jwt(jwt -> jwt.jwtDecoder(jwtDecoder(properties.oidc()))
                                    .jwtAuthenticationConverter(new TokenActorConverter(properties.oidc()))));
            if (properties.pages()) {
                requireClient(properties.oidc());
                http.formLogin(ServerHttpSecurity.FormLoginSpec::disable);
                PageSessions.withProvider(http, provider, entryPoint);
            } else {
                stateless(http);
            }
        }
        // Last, after the provider's pages ask for a sign-in: the access table decides the rest, in AccessFilter.
        http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll());
        return http.build();
    }

    /** Only the API: every request signs in anew, so nothing is kept between requests and nothing is to forge. */
    private static void stateless(ServerHttpSecurity http) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
    }

    /** {@code 401} for a failed sign-in, {@code 429} while a username is locked out. */
    private static ServerAuthenticationEntryPoint entryPoint(ProblemResponses problems, String challenge) {
        return (exchange, failure) -> {
            if (failure instanceof LocalAuthenticationManager.LoginThrottled) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, failure.getMessage());
                problem.setTitle("Too many failed sign-ins");
                problem.setType(Problems.type("login-throttled"));
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                        Long.toString(LocalAuthenticationManager.LOCKOUT.toSeconds()));
                return problems.write(exchange, problem);
            }
            return AccessFilter.unauthenticated(exchange, challenge, problems);
        };
    }

    /** Validates signature, expiry, issuer and audience; keys from the JWK set URI or issuer discovery. */
    private static ReactiveJwtDecoder jwtDecoder(SecurityProperties.Oidc oidc) {
        if (oidc == null || (isBlank(oidc.issuerUri()) && isBlank(oidc.jwkSetUri()))) {
            throw new IllegalStateException("nduh.security.mode=oidc needs NDUH_OIDC_ISSUER_URI or NDUH_OIDC_JWK_SET_URI");
        }
        NimbusReactiveJwtDecoder decoder = isBlank(oidc.jwkSetUri())
                ? (NimbusReactiveJwtDecoder) ReactiveJwtDecoders.fromIssuerLocation(oidc.issuerUri())
                : NimbusReactiveJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(isBlank(oidc.issuerUri()) ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(oidc.issuerUri()));
        if (!isBlank(oidc.audience())) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    audience -> audience != null && audience.contains(oidc.audience())));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    private static void requireClient(SecurityProperties.Oidc oidc) {
        if (isBlank(oidc.issuerUri()) || isBlank(oidc.clientId())) {
            throw new IllegalStateException("The pages in nduh.security.mode=oidc need NDUH_OIDC_ISSUER_URI and NDUH_OIDC_CLIENT_ID");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

package se.nduh.infrastructure.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * How users sign in.
 *
 * @param mode      {@code local}: users file and HTTP Basic (the single-machine default);
 *                  {@code oidc}: bearer tokens from the region's OIDC provider, and the pages' sign-in through it
 *                  (production)
 * @param usersFile the local users file (bcrypt hashes), also the user directory of ids and names
 * @param oidc      the token issuer and the claims that carry the user id and the grants
 * @param pages     whether this application serves the web pages: sign-in (a form, or the provider's), sessions
 *                  with CSRF protection
 * @param delegationSecretFile the secret with which the pages' server signs a user's commands for the command
 *                  side ({@link PageDelegation}); made when missing
 */
@ConfigurationProperties("nduh.security")
public record SecurityProperties(Mode mode, Path usersFile, Oidc oidc, boolean pages, Path delegationSecretFile) {

    public enum Mode { LOCAL, OIDC }

    /**
     * @param issuerUri   the issuer; tokens must name it (discovery finds its keys unless jwkSetUri is set)
     * @param jwkSetUri   where the signing keys are published
     * @param audience    the audience every token must name
     * @param userClaim   the claim with the stable user id (never a name or e-mail)
     * @param grantsClaim the claim listing grants as {@code role:region;region} or {@code role:*}
     * @param providerClaim the claim naming the provider (utförare) a provider's staff member answers for
     * @param clientId    the pages' client at the provider, with which the query side signs page users in
     *                    ({@link ProviderSignIn}); only where pages are served
     * @param clientSecret that client's secret
     */
    public record Oidc(String issuerUri, String jwkSetUri, String audience, String userClaim, String grantsClaim,
                       String providerClaim, String clientId, String clientSecret) {
    }
}

package se.nduh.infrastructure.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Reads the acting user from a validated token: the id from one claim, the grants from another. The same mapping
 * serves bearer tokens and the pages' sign-in through the provider (its ID token and user info), so one access
 * table applies to both.
 */
class TokenActorConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final SecurityProperties.Oidc oidc;

    TokenActorConverter(SecurityProperties.Oidc oidc) {
        this.oidc = oidc;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return actorOf(jwt).cast(AbstractAuthenticationToken.class);
    }

    Mono<ActorAuthentication> actorOf(ClaimAccessor claims) {
        String userId = claims.getClaimAsString(oidc.userClaim());
        List<String> grants = claims.getClaimAsStringList(oidc.grantsClaim());
        if (userId == null || userId.isBlank() || grants == null) {
            return Mono.error(new InvalidBearerTokenException("The token lacks the claims " + oidc.userClaim()
                    + " and " + oidc.grantsClaim()));
        }
        try {
            return Mono.just(new ActorAuthentication(new Actor(userId,
                    grants.stream().map(Grant::parse).toList(), claims.getClaimAsString(oidc.providerClaim()))));
        } catch (IllegalArgumentException e) {
            return Mono.error(new InvalidBearerTokenException("The token's grants are malformed: " + e.getMessage()));
        }
    }
}

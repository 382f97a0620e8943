package se.nduh.infrastructure.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated {@link Actor}, however they proved who they are (password or bearer token). */
public class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;

    public ActorAuthentication(Actor actor) {
        super(actor.grants().stream().map(grant -> new SimpleGrantedAuthority("ROLE_" + grant.role().code())).distinct().toList());
        this.actor = actor;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.userId();
    }
}

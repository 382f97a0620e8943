package se.nduh.infrastructure.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/v1/me}: the signed-in user's id, display name and roles, for the UI. */
@RestController
class MeController {

    private final UserDirectory users;

    MeController(UserDirectory users) {
        this.users = users;
    }

    record Me(String userId, String displayName, List<GrantView> grants, String provider) {
    }

    record GrantView(String role, String roleName, String regions) {
    }

    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal Actor actor) {
        return new Me(actor.userId(), users.displayName(actor.userId()).orElse(actor.userId()),
                actor.grants().stream().map(grant -> new GrantView(grant.role().code(), grant.role().swedish(),
                        grant.regionsText())).toList(), actor.provider());
    }
}

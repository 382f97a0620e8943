package se.nduh.command.access;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.infrastructure.security.Actor;
import se.nduh.infrastructure.security.Grant;
import se.nduh.infrastructure.security.PageDelegation;
import se.nduh.infrastructure.security.Role;
import se.nduh.kernel.region.RegionCode;
import se.nduh.localplatform.testing.PlatformIT;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in page user's command as the pages' server sends it: a delegated token signed with the secret both sides
 * hold acts as its user, through the same access table; one signed with another secret is refused.
 */
@PlatformIT
class PageDelegationIT {

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;
    @Value("${nduh.security.delegation-secret-file}")
    Path secret;

    @Test
    void a_delegated_token_acts_as_its_user_in_the_role_and_region_of_the_users_grants() {
        String token = PageDelegation.fromFile(secret).tokenFor(new Actor("u-page-1",
                List.of(Grant.ofRegions(Role.TJANSTEPERSON, RegionCode.of("halland"))), null));

        Map<?, ?> accepted = propose(token).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(eventStore.readEvents((String) accepted.get("id")).next().getMetaData())
                .containsEntry("userId", "u-page-1").containsEntry("role", "tjansteperson").containsEntry("region", "halland");
    }

    @Test
    void a_delegated_token_is_held_to_the_access_table() {
        String token = PageDelegation.fromFile(secret).tokenFor(new Actor("u-page-2",
                List.of(Grant.ofRegions(Role.TJANSTEPERSON, RegionCode.of("skane"))), null));

        propose(token).expectStatus().isForbidden();
    }

    @Test
    void a_token_signed_with_another_secret_is_refused(@TempDir Path elsewhere) {
        String token = PageDelegation.fromFile(elsewhere.resolve("other.secret")).tokenFor(new Actor("u-page-3",
                List.of(Grant.ofRegions(Role.TJANSTEPERSON, RegionCode.of("halland"))), null));

        propose(token).expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec propose(String token) {
        return web.post().uri("/api/v1/regions/halland/needs")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(AccessSpotChecksIT.NEED)
                .exchange();
    }
}

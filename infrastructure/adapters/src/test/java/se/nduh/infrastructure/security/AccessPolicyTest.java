package se.nduh.infrastructure.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import se.nduh.kernel.region.RegionCode;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The access table on a region's own deployment, which serves Halland only. */
class AccessPolicyTest {

    private static final Predicate<String> HALLAND_SERVED = Set.of("halland")::contains;

    @Test
    void a_served_regions_user_is_taken_and_acts_for_it() {
        assertThat(decide(HttpMethod.GET, "/api/v1/regions/halland/needs", Grant.ofRegions(Role.TJANSTEPERSON, RegionCode.of("halland"))))
                .isInstanceOfSatisfying(AccessPolicy.Decision.Allowed.class,
                        allowed -> assertThat(allowed.actingAs().region()).isEqualTo("halland"));
    }

    @Test
    void another_members_region_is_not_served_here_whoever_asks() {
        assertThat(decide(HttpMethod.GET, "/api/v1/regions/skane/needs", Grant.ofRegions(Role.TJANSTEPERSON, RegionCode.of("skane"))))
                .isEqualTo(new AccessPolicy.Decision.UnknownRegion("skane"));
        assertThat(decide(HttpMethod.GET, "/api/v1/regions/skane/needs", Grant.ofRegions(Role.UTFORARE, RegionCode.of("halland"))))
                .isEqualTo(new AccessPolicy.Decision.UnknownRegion("skane"));
    }

    @Test
    void a_user_of_a_region_served_elsewhere_holds_no_role_here_but_the_networks_users_do() {
        assertThat(decide(HttpMethod.GET, "/api/v1/benchmarks", Grant.ofRegions(Role.TJANSTEPERSON, RegionCode.of("skane"))))
                .isInstanceOf(AccessPolicy.Decision.MissingRole.class);
        assertThat(decide(HttpMethod.GET, "/api/v1/benchmarks", Grant.ofRegions(Role.TJANSTEPERSON, RegionCode.of("skane"), RegionCode.of("halland"))))
                .isInstanceOf(AccessPolicy.Decision.Allowed.class);
        assertThat(decide(HttpMethod.GET, "/api/v1/benchmarks", Grant.ofNetwork(Role.SAMORDNARE)))
                .isInstanceOf(AccessPolicy.Decision.Allowed.class);
    }

    @Test
    void nobody_signed_in_is_asked_to_sign_in_before_anything_is_said_of_the_region() {
        assertThat(AccessPolicy.decide(HttpMethod.GET, "/api/v1/regions/skane/needs", null, HALLAND_SERVED))
                .isInstanceOf(AccessPolicy.Decision.Unauthenticated.class);
    }

    private static AccessPolicy.Decision decide(HttpMethod method, String path, Grant grant) {
        return AccessPolicy.decide(method, path, new Actor("u-1", List.of(grant), null), HALLAND_SERVED);
    }
}

package se.nduh.infrastructure.security;

import org.junit.jupiter.api.Test;
import se.nduh.kernel.region.RegionCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrantTest {

    @Test
    void a_grant_binds_a_role_to_regions() {
        Grant grant = Grant.parse("revisor:halland;skane");
        assertThat(grant.role()).isEqualTo(Role.REVISOR);
        assertThat(grant.covers(RegionCode.of("skane"))).isTrue();
        assertThat(grant.covers(RegionCode.of("blekinge"))).isFalse();
        assertThat(grant).hasToString("revisor:halland;skane");
    }

    @Test
    void a_coordinator_is_bound_to_the_network_which_covers_no_region_details() {
        Grant grant = Grant.parse("samordnare:*");
        assertThat(grant.network()).isTrue();
        assertThat(grant.covers(RegionCode.of("halland"))).isFalse();
    }

    @Test
    void unknown_roles_and_malformed_grants_are_refused() {
        assertThatThrownBy(() -> Grant.parse("kung:halland")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Grant.parse("revisor")).isInstanceOf(IllegalArgumentException.class);
    }
}

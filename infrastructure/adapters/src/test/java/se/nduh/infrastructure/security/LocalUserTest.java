package se.nduh.infrastructure.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LocalUserTest {

    @Test
    void a_user_line_round_trips_and_the_display_name_may_hold_commas() {
        LocalUser user = new LocalUser("u-1a2b", "halland-revisor", "$2a$04$abc", List.of(Grant.parse("revisor:halland")),
                null, "Revisor, Region Halland");
        assertThat(LocalUser.parse(user.line())).isEqualTo(user);
        LocalUser provider = new LocalUser("u-3c4d", "halland-utforare", "$2a$04$def", List.of(Grant.parse("utforare:halland")),
                "Vårdgivaren i Region Halland", "Utförare i Region Halland");
        assertThat(LocalUser.parse(provider.line())).isEqualTo(provider);
        assertThat(LocalUser.parse(user.line())).isEqualTo(user);
    }
}

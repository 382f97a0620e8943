package se.nduh.command.web;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyKeysTest {

    @Test
    void what_a_request_creates_has_one_id_per_user_and_key() {
        String id = IdempotencyKeys.newId("u-1", "key-1");

        assertThat(IdempotencyKeys.newId("u-1", "key-1")).isEqualTo(id);
        assertThat(IdempotencyKeys.newId("u-1", "key-2")).isNotEqualTo(id);
        assertThat(IdempotencyKeys.newId("u-2", "key-1")).isNotEqualTo(id);
        assertThat(IdempotencyKeys.newId("u-1", "1key-1")).as("a user's key never names another user's id")
                .isNotEqualTo(IdempotencyKeys.newId("u-11", "key-1"));
    }

    @Test
    void the_id_is_a_uuid_of_version_8() {
        UUID id = UUID.fromString(IdempotencyKeys.newId("u-1", "key-1"));

        assertThat(id.version()).isEqualTo(8);
        assertThat(id.variant()).isEqualTo(2);
    }
}

package se.nduh.kernel.signing;

import org.junit.jupiter.api.Test;
import se.nduh.kernel.comparison.AnonymisationPolicy;
import se.nduh.kernel.period.Period;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordSignaturesTest {

    private static final byte[] SECRET = "a region's secret key, 32 bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_SECRET = "another region's secret key ...".getBytes(StandardCharsets.UTF_8);
    private static final Period YEAR = Period.year(2025);

    private final SigningKey key = RecordSignatures.regionKey(SECRET);
    private final byte[] signed = RecordSignatures.message("t.v1", "k", "{\"v\":1}");
    private final byte[] signature = key.sign(signed);

    @Test
    void a_signature_verifies_for_its_record_under_its_key() {
        assertThat(RecordSignatures.verifies(key.publicKey(), signed, signature)).isTrue();
    }

    @Test
    void a_signature_does_not_hold_for_another_topic_key_value_or_a_tombstone() {
        assertThat(RecordSignatures.verifies(key.publicKey(), RecordSignatures.message("u.v1", "k", "{\"v\":1}"), signature)).isFalse();
        assertThat(RecordSignatures.verifies(key.publicKey(), RecordSignatures.message("t.v1", "j", "{\"v\":1}"), signature)).isFalse();
        assertThat(RecordSignatures.verifies(key.publicKey(), RecordSignatures.message("t.v1", "k", "{\"v\":2}"), signature)).isFalse();
        assertThat(RecordSignatures.verifies(key.publicKey(), RecordSignatures.message("t.v1", "k", null), signature)).isFalse();
        // length prefixes: moving a character between fields makes another message
        assertThat(RecordSignatures.message("t.v1", "k", "")).isNotEqualTo(RecordSignatures.message("t.v1", "k", null));
        assertThat(RecordSignatures.message("t.v1k", "", "x")).isNotEqualTo(RecordSignatures.message("t.v1", "k", "x"));
    }

    @Test
    void another_key_or_a_malformed_signature_does_not_verify() {
        byte[] other = RecordSignatures.regionKey(OTHER_SECRET).publicKey();
        assertThat(RecordSignatures.verifies(other, signed, signature)).isFalse();
        assertThat(RecordSignatures.verifies(key.publicKey(), signed, new byte[63])).isFalse();
        assertThat(RecordSignatures.verifies(new byte[31], signed, signature)).isFalse();
    }

    @Test
    void keys_are_derived_again_from_the_secret_and_differ_by_purpose_period_and_region() {
        assertThat(RecordSignatures.regionKey(SECRET).publicKey()).isEqualTo(key.publicKey()).hasSize(32);
        byte[] year = RecordSignatures.periodKey(SECRET, YEAR).publicKey();
        assertThat(RecordSignatures.periodKey(SECRET, YEAR).publicKey()).isEqualTo(year);
        assertThat(year).isNotEqualTo(key.publicKey())
                .isNotEqualTo(RecordSignatures.periodKey(SECRET, Period.year(2026)).publicKey())
                .isNotEqualTo(RecordSignatures.periodKey(OTHER_SECRET, YEAR).publicKey());
    }

    @Test
    void the_pseudonym_is_the_period_keys_and_only_that_key_signs_as_it() {
        SigningKey period = RecordSignatures.periodKey(SECRET, YEAR);
        assertThat(AnonymisationPolicy.pseudonym(SECRET, YEAR)).isEqualTo(AnonymisationPolicy.pseudonymOf(period.publicKey()))
                .matches("r-[0-9a-f]{16}");
        assertThat(AnonymisationPolicy.pseudonymOf(key.publicKey())).isNotEqualTo(AnonymisationPolicy.pseudonym(SECRET, YEAR));
    }

    @Test
    void a_seed_has_32_bytes() {
        assertThatThrownBy(() -> SigningKey.fromSeed(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}

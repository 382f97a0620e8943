package se.nduh.query.keys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RegionKeysTest {

    private static final RegionCode HALLAND = RegionCode.of("halland");
    private static final Period YEAR = Period.of("2026");

    @Test
    void a_region_without_a_key_has_no_pseudonym_until_its_key_is_made(@TempDir Path directory) {
        RegionKeys keys = new RegionKeys(directory.resolve("region-keys.properties"));

        assertThat(keys.pseudonymOf(HALLAND, YEAR)).isEmpty();
        keys.keyOf(HALLAND);

        assertThat(keys.pseudonymOf(HALLAND, YEAR)).isPresent();
    }

    @Test
    void the_pseudonym_follows_the_stored_key_and_the_period(@TempDir Path directory) {
        Path file = directory.resolve("region-keys.properties");
        RegionKeys keys = new RegionKeys(file);
        keys.keyOf(HALLAND);

        assertThat(new RegionKeys(file).pseudonymOf(HALLAND, YEAR)).isEqualTo(keys.pseudonymOf(HALLAND, YEAR));
        assertThat(keys.pseudonymOf(HALLAND, Period.of("2027"))).isNotEqualTo(keys.pseudonymOf(HALLAND, YEAR));
    }
}

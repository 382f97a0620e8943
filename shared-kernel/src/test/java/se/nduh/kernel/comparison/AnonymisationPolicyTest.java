package se.nduh.kernel.comparison;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnonymisationPolicyTest {

    private static final byte[] HALLAND_KEY = "halland-secret-key-of-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SKANE_KEY = "skane-secret-key-of-32-bytes!!!!".getBytes(StandardCharsets.UTF_8);
    private final AnonymisationPolicy policy = new AnonymisationPolicy(5);

    @Test
    void a_figure_behind_fewer_than_k_items_is_suppressed_never_a_number_or_zero() {
        ComparisonRecord record = policy.record("needs.described", Period.of("2025"), "r-1", false, BigDecimal.valueOf(4), 4, 1);
        assertThat(record.suppressed()).isTrue();
        assertThat(record.value()).isNull();
        assertThat(record.itemCount()).isNull();
    }

    @Test
    void a_figure_behind_k_items_is_published() {
        ComparisonRecord record = policy.record("needs.described", Period.of("2025"), "r-1", false, BigDecimal.valueOf(5), 5, 3);
        assertThat(record.suppressed()).isFalse();
        assertThat(record.value()).isEqualByComparingTo("5");
        assertThat(record.itemCount()).isEqualTo(5);
        assertThat(record.schemaVersion()).isEqualTo(ComparisonRecord.SCHEMA_VERSION);
    }

    @ParameterizedTest(name = "{0} people are published as {1}")
    @CsvSource({"2400000, 5", "12000, 5", "6, 5", "5, 5", "4, 4", "0, 0", "12345678901, 5"})
    void a_number_of_people_is_published_only_as_at_least_k(long people, int published) {
        assertThat(policy.publishedPeople(people)).isEqualTo(published);
    }

    @Test
    void no_two_periods_of_a_region_share_a_number_of_people_that_other_regions_do_not() {
        // The largest region's need group is larger than any other's in both periods; the sizes move a little.
        Map<String, List<Long>> sizesByRegion = Map.of(
                "largest", List.of(2_400_000L, 2_410_000L), "middle", List.of(300_000L, 310_000L),
                "small", List.of(60_000L, 59_000L), "smallest", List.of(12_000L, 11_800L));
        Set<Integer> published = new HashSet<>();
        sizesByRegion.values().forEach(sizes -> sizes.forEach(size -> published.add(policy.publishedPeople(size))));
        assertThat(published).containsExactly(5);
    }

    @Test
    void k_is_configurable_but_at_least_one() {
        assertThat(new AnonymisationPolicy(1).record("m.x", Period.of("2025"), "r", false, BigDecimal.ONE, 1, 1).suppressed()).isFalse();
        assertThatThrownBy(() -> new AnonymisationPolicy(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new AnonymisationPolicy(7).k()).as("the k the groups of an equity breakdown are counted against").isEqualTo(7);
    }

    @Test
    void the_pseudonym_is_stable_within_a_period_and_changes_with_the_period() {
        String in2025 = AnonymisationPolicy.pseudonym(HALLAND_KEY, Period.of("2025"));
        assertThat(AnonymisationPolicy.pseudonym(HALLAND_KEY, Period.of("2025"))).isEqualTo(in2025);
        assertThat(AnonymisationPolicy.pseudonym(HALLAND_KEY, Period.of("2026"))).isNotEqualTo(in2025);
    }

    @Test
    void only_the_regions_own_key_gives_its_pseudonym() {
        assertThat(AnonymisationPolicy.pseudonym(SKANE_KEY, Period.of("2025")))
                .isNotEqualTo(AnonymisationPolicy.pseudonym(HALLAND_KEY, Period.of("2025")));
    }

    @Test
    void a_record_is_either_suppressed_or_has_value_and_count() {
        assertThatThrownBy(() -> new ComparisonRecord(1, "m", "2025", "r", false, BigDecimal.ZERO, true, null, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_value_behind_no_items_is_suppressed_not_published_as_zero() {
        ComparisonRecord record = policy.record("needs.care-need-share", Period.of("2025"), "r-1", false, null, 0, 1);
        assertThat(record.suppressed()).isTrue();
        assertThat(record.value()).isNull();
    }

    @Test
    void a_figure_without_a_value_is_suppressed_however_many_items_lie_behind_it() {
        ComparisonRecord record = policy.record("needs.mean-relative-gap", Period.of("2025"), "r-1", false, null, 12, 1);
        assertThat(record.suppressed()).isTrue();
        assertThat(record.value()).isNull();
        assertThat(record.itemCount()).isNull();
    }

    @Test
    void a_region_that_has_not_opted_in_appears_only_as_its_pseudonym() {
        Period year = Period.of("2025");
        assertThat(AnonymisationPolicy.publishedRegion(RegionCode.of("halland"), HALLAND_KEY, year, false))
                .isEqualTo(AnonymisationPolicy.pseudonym(HALLAND_KEY, year))
                .matches("r-[0-9a-f]{16}")
                .doesNotContain("halland");
    }

    @Test
    void a_region_that_opted_in_is_named_by_its_code() {
        assertThat(AnonymisationPolicy.publishedRegion(RegionCode.of("halland"), HALLAND_KEY, Period.of("2025"), true))
                .isEqualTo("halland");
    }

    @Test
    void dates_are_coarsened_to_the_budget_year() {
        assertThat(AnonymisationPolicy.coarsen(LocalDate.of(2025, 11, 27))).isEqualTo(Period.of("2025"));
    }

    @Test
    void values_are_published_with_four_decimals_at_most_and_no_exponent() {
        assertThat(AnonymisationPolicy.round(new BigDecimal("0.333333333"))).isEqualByComparingTo("0.3333");
        assertThat(AnonymisationPolicy.round(new BigDecimal("20.000")).toString()).isEqualTo("20");
        ComparisonRecord record = policy.record("needs.mean-relative-gap", Period.of("2025"), "r-1", false,
                new BigDecimal("0.1234567"), 9, 1);
        assertThat(record.value()).isEqualByComparingTo("0.1235");
    }
}

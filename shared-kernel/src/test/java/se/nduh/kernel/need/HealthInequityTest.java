package se.nduh.kernel.need;

import org.junit.jupiter.api.Test;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The gap between the groups of an equity breakdown, as every side derives it. */
class HealthInequityTest {

    private static final HealthInequity LIFE_EXPECTANCY_BY_EDUCATION = new HealthInequity(EquityDimension.EDUCATION, List.of(
            new PopulationGroup("Förgymnasial utbildning", new BigDecimal("78.1"), 41000),
            new PopulationGroup("Gymnasial utbildning", new BigDecimal("81.6"), 98000),
            new PopulationGroup("Eftergymnasial utbildning", new BigDecimal("84.2"), 77000)));

    @Test
    void where_higher_is_better_the_gap_runs_from_the_lowest_group_to_the_highest() {
        InequityGap gap = LIFE_EXPECTANCY_BY_EDUCATION.gap(Direction.HIGHER_IS_BETTER);

        assertThat(gap.absolute()).isEqualByComparingTo("6.1");
        assertThat(gap.relative()).isEqualByComparingTo(new BigDecimal("6.1").divide(new BigDecimal("84.2"), MathContext.DECIMAL64));
        assertThat(gap.worstGroup()).isEqualTo("Förgymnasial utbildning");
        assertThat(gap.bestGroup()).isEqualTo("Eftergymnasial utbildning");
    }

    @Test
    void where_lower_is_better_the_gap_runs_from_the_highest_group_to_the_lowest() {
        HealthInequity obesity = new HealthInequity(EquityDimension.SOCIOECONOMIC_INDEX, List.of(
                new PopulationGroup("CNI lågt", new BigDecimal("10"), 3000),
                new PopulationGroup("CNI högt", new BigDecimal("25"), 2000)));

        InequityGap gap = obesity.gap(Direction.LOWER_IS_BETTER);

        assertThat(gap.absolute()).isEqualByComparingTo("15");
        assertThat(gap.relative()).isEqualByComparingTo("1.5");
        assertThat(gap.worstGroup()).isEqualTo("CNI högt");
        assertThat(gap.bestGroup()).isEqualTo("CNI lågt");
    }

    @Test
    void equal_groups_leave_no_gap_and_a_best_value_of_zero_no_relative_gap() {
        HealthInequity equal = new HealthInequity(EquityDimension.SEX, List.of(
                new PopulationGroup("Kvinnor", new BigDecimal("0"), 100), new PopulationGroup("Män", new BigDecimal("0"), 100)));

        assertThat(equal.gap(Direction.LOWER_IS_BETTER).absolute()).isEqualByComparingTo("0");
        assertThat(equal.gap(Direction.LOWER_IS_BETTER).relative()).isNull();
    }

    @Test
    void a_figure_that_leaves_the_region_uses_only_groups_of_at_least_k_people() {
        HealthInequity withASmallGroup = new HealthInequity(EquityDimension.COUNTRY_OF_BIRTH, List.of(
                new PopulationGroup("Född i Sverige", new BigDecimal("20"), 9000),
                new PopulationGroup("Född i övriga Norden", new BigDecimal("22"), 600),
                new PopulationGroup("Född utanför Europa", new BigDecimal("40"), 3)));

        assertThat(withASmallGroup.gapAmongGroupsOfAtLeast(5, Direction.LOWER_IS_BETTER).orElseThrow().absolute())
                .isEqualByComparingTo("2");
        assertThat(withASmallGroup.gapAmongGroupsOfAtLeast(1000, Direction.LOWER_IS_BETTER)).isEmpty();
    }

    @Test
    void a_need_keeps_its_breakdown_and_derives_the_gap_in_its_indicators_direction_after_a_revision() {
        NeedId need = NeedId.of("need-life-expectancy");
        RegionCode region = RegionCode.of("norrbotten");
        HealthIndicator years = new HealthIndicator("Återstående medellivslängd vid 30", new BigDecimal("81.5"), "år",
                Direction.HIGHER_IS_BETTER, "SCB", Period.of("2024"), null);
        NeedState state = NeedState.proposed(new NeedProposed(need, region, "Medellivslängd", "", new NeedGroup("Vuxna", 216000),
                        Set.of(KindOfEffort.PREVENTIVE), years, 2026))
                .with(new HealthInequityDescribed(need, region, LIFE_EXPECTANCY_BY_EDUCATION));

        assertThat(state.inequity()).isEqualTo(LIFE_EXPECTANCY_BY_EDUCATION);
        assertThat(state.inequityGap().orElseThrow().worstGroup()).isEqualTo("Förgymnasial utbildning");

        NeedState revised = state.evolve(new NeedRevised(need, region, "Medellivslängd", "", new NeedGroup("Vuxna", 216000),
                Set.of(KindOfEffort.PREVENTIVE), new HealthIndicator("Återstående medellivslängd vid 30", new BigDecimal("81.9"), "år",
                Direction.HIGHER_IS_BETTER, "SCB", Period.of("2025"), null), "Ny data", "SCB 2025", null));
        assertThat(revised.inequity()).isEqualTo(LIFE_EXPECTANCY_BY_EDUCATION);
    }
}

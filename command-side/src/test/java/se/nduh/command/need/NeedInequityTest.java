package se.nduh.command.need;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.nduh.infrastructure.eventstore.KernelCommandTargetResolver;
import se.nduh.kernel.need.DescribeHealthInequity;
import se.nduh.kernel.need.EquityDimension;
import se.nduh.kernel.need.HealthGap;
import se.nduh.kernel.need.HealthInequity;
import se.nduh.kernel.need.HealthInequityDescribed;
import se.nduh.kernel.need.HealthTargetSet;
import se.nduh.kernel.need.NeedWithdrawn;
import se.nduh.kernel.need.PopulationGroup;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.rule.Rule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static se.nduh.command.need.Needs.OBESITY_IN_CHILDREN;
import static se.nduh.command.need.Needs.SKANE;
import static se.nduh.command.need.Needs.VASTERBOTTEN;
import static se.nduh.command.need.Needs.describeInequity;
import static se.nduh.command.need.Needs.inequityDescribed;
import static se.nduh.command.need.Needs.obesityByParentsEducation;
import static se.nduh.command.need.Needs.obesityInChildrenProposed;
import static se.nduh.command.need.Needs.targetOf;
import static se.nduh.command.testing.RuleMatchers.violates;

/** Jämlik hälsa: a need described by the groups it differs between, and a target that aims at the gap. */
class NeedInequityTest {

    private AggregateTestFixture<Need> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Need.class);
        fixture.registerCommandTargetResolver(new KernelCommandTargetResolver());
    }

    @Test
    void a_civil_servant_describes_how_obesity_in_children_differs_by_their_parents_education() {
        fixture.given(obesityInChildrenProposed())
                .when(describeInequity(obesityByParentsEducation()))
                .expectEvents(inequityDescribed())
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_breakdown_of_an_earlier_period_keeps_its_period_and_one_without_takes_the_indicators() {
        // The indicator's value is of 2025; the breakdown at hand is of 2024.
        fixture.given(obesityInChildrenProposed())
                .when(describeInequity(obesityByParentsEducation().inPeriod(Period.of("2024"))))
                .expectEvents(new HealthInequityDescribed(OBESITY_IN_CHILDREN, VASTERBOTTEN,
                        obesityByParentsEducation().inPeriod(Period.of("2024"))));
        fixture.given(obesityInChildrenProposed(), new HealthInequityDescribed(OBESITY_IN_CHILDREN, VASTERBOTTEN,
                        obesityByParentsEducation().inPeriod(Period.of("2024"))))
                .when(describeInequity(obesityByParentsEducation()))
                .expectEvents(inequityDescribed());
    }

    @Test
    void describing_the_same_breakdown_twice_is_a_harmless_repeat() {
        fixture.given(obesityInChildrenProposed(), inequityDescribed())
                .when(describeInequity(obesityByParentsEducation()))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_breakdown_compares_two_to_twelve_groups() {
        fixture.given(obesityInChildrenProposed())
                .when(describeInequity(new HealthInequity(EquityDimension.SEX,
                        List.of(new PopulationGroup("Flickor", new BigDecimal("17"), 6000)))))
                .expectException(violates(Rule.InequityGroupsOutOfRange))
                .expectNoEvents();
        fixture.given(obesityInChildrenProposed())
                .when(describeInequity(new HealthInequity(EquityDimension.GEOGRAPHY, IntStream.rangeClosed(1, 13)
                        .mapToObj(i -> new PopulationGroup("Kommun " + i, new BigDecimal(10 + i), 500)).toList())))
                .expectException(violates(Rule.InequityGroupsOutOfRange))
                .expectNoEvents();
    }

    @Test
    void each_group_is_named_once() {
        List<PopulationGroup> groups = new ArrayList<>(obesityByParentsEducation().groups());
        groups.add(new PopulationGroup("gymnasial utbildning ", new BigDecimal("16"), 100));
        fixture.given(obesityInChildrenProposed())
                .when(describeInequity(new HealthInequity(EquityDimension.EDUCATION, groups)))
                .expectException(violates(Rule.InequityGroupNamedTwice))
                .expectNoEvents();
    }

    @Test
    void a_group_is_a_category_of_the_population_never_a_person() {
        fixture.given(obesityInChildrenProposed())
                .when(describeInequity(new HealthInequity(EquityDimension.GEOGRAPHY, List.of(
                        new PopulationGroup("Umeå", new BigDecimal("15"), 4000),
                        new PopulationGroup("anna.andersson@regionvasterbotten.se", new BigDecimal("30"), 1)))))
                .expectException(violates(Rule.InequityGroupIsAPerson))
                .expectNoEvents();
    }

    @Test
    void a_group_counts_zero_people_or_more() {
        fixture.given(obesityInChildrenProposed())
                .when(describeInequity(new HealthInequity(EquityDimension.SEX, List.of(
                        new PopulationGroup("Flickor", new BigDecimal("17"), 6000),
                        new PopulationGroup("Pojkar", new BigDecimal("20"), -1)))))
                .expectException(violates(Rule.InequityGroupCountNegative))
                .expectNoEvents();
    }

    @Test
    void another_regions_path_finds_no_such_need_and_a_withdrawn_need_takes_no_breakdown() {
        fixture.given(obesityInChildrenProposed())
                .when(new DescribeHealthInequity(OBESITY_IN_CHILDREN, SKANE, obesityByParentsEducation(), null))
                .expectException(violates(Rule.NeedNotInRegion))
                .expectNoEvents();
        fixture.given(obesityInChildrenProposed(), new NeedWithdrawn(OBESITY_IN_CHILDREN, VASTERBOTTEN, "Dubblett"))
                .when(describeInequity(obesityByParentsEducation()))
                .expectException(violates(Rule.NeedIsWithdrawn))
                .expectNoEvents();
    }

    @Test
    void an_elected_official_aims_the_target_at_narrowing_the_gap_between_the_groups() {
        // The groups lie 13 points apart (24.0 against 11.0): the target halves that gap by 2030.
        fixture.given(obesityInChildrenProposed(), inequityDescribed())
                .when(targetOf("12", 2030, "6.5"))
                .expectEvents(new HealthTargetSet(OBESITY_IN_CHILDREN, VASTERBOTTEN, new BigDecimal("12"), 2030,
                        HealthGap.between(new BigDecimal("18.5"), new BigDecimal("12"), se.nduh.kernel.need.Direction.LOWER_IS_BETTER),
                        new BigDecimal("6.5")));
    }

    @Test
    void a_target_aims_at_the_gap_between_groups_only_once_the_breakdown_is_described() {
        fixture.given(obesityInChildrenProposed())
                .when(targetOf("12", 2030, "6.5"))
                .expectException(violates(Rule.GroupGapTargetWithoutBreakdown))
                .expectNoEvents();
    }

    @Test
    void a_target_for_the_gap_between_groups_narrows_it() {
        fixture.given(obesityInChildrenProposed(), inequityDescribed())
                .when(targetOf("12", 2030, "13"))
                .expectException(violates(Rule.GroupGapTargetLeavesNoGap))
                .expectNoEvents();
        fixture.given(obesityInChildrenProposed(), inequityDescribed())
                .when(targetOf("12", 2030, "-1"))
                .expectException(violates(Rule.GroupGapTargetLeavesNoGap))
                .expectNoEvents();
    }

    @Test
    void the_same_target_aimed_anew_at_the_gap_between_groups_is_a_change() {
        HealthTargetSet withoutGroupGap = new HealthTargetSet(OBESITY_IN_CHILDREN, VASTERBOTTEN, new BigDecimal("12"), 2030,
                HealthGap.between(new BigDecimal("18.5"), new BigDecimal("12"), se.nduh.kernel.need.Direction.LOWER_IS_BETTER));
        fixture.given(obesityInChildrenProposed(), inequityDescribed(), withoutGroupGap)
                .when(targetOf("12", 2030, "6.5"))
                .expectEvents(new HealthTargetSet(OBESITY_IN_CHILDREN, VASTERBOTTEN, new BigDecimal("12"), 2030,
                        withoutGroupGap.gap(), new BigDecimal("6.5")));
        fixture.given(obesityInChildrenProposed(), inequityDescribed(), new HealthTargetSet(OBESITY_IN_CHILDREN, VASTERBOTTEN,
                        new BigDecimal("12"), 2030, withoutGroupGap.gap(), new BigDecimal("6.5")))
                .when(Needs.targetOf("12", 2030))
                .expectEvents(withoutGroupGap);
    }

    @Test
    void the_same_target_aimed_at_the_same_gap_again_is_a_harmless_repeat() {
        fixture.given(obesityInChildrenProposed(), inequityDescribed(), new HealthTargetSet(OBESITY_IN_CHILDREN, VASTERBOTTEN,
                        new BigDecimal("12"), 2030, HealthGap.between(new BigDecimal("18.5"), new BigDecimal("12"),
                                se.nduh.kernel.need.Direction.LOWER_IS_BETTER), new BigDecimal("6.50")))
                .when(targetOf("12", 2030, "6.5"))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }
}

package se.nduh.command.cycle;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.nduh.infrastructure.eventstore.KernelCommandTargetResolver;
import se.nduh.kernel.cycle.CycleMilestone;
import se.nduh.kernel.cycle.CycleMilestoneRecorded;
import se.nduh.kernel.cycle.RecordCycleMilestone;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.rule.Rule;
import se.nduh.kernel.rule.RuleViolation;

import java.time.LocalDate;

class BudgetYearCycleTest {

    private static final RegionCode HALLAND = RegionCode.of("halland");
    private static final LocalDate COUNCIL = LocalDate.of(2025, 11, 25);

    private AggregateTestFixture<BudgetYearCycle> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BudgetYearCycle.class);
        fixture.registerCommandTargetResolver(new KernelCommandTargetResolver());
    }

    private static RecordCycleMilestone record(CycleMilestone milestone, LocalDate heldOn, String reference) {
        return new RecordCycleMilestone(HALLAND, 2026, milestone, heldOn, reference, null);
    }

    private static CycleMilestoneRecorded recorded(CycleMilestone milestone, LocalDate heldOn, String reference) {
        return new CycleMilestoneRecorded(HALLAND, 2026, milestone, heldOn, reference);
    }

    @Test
    void the_councils_decision_on_plan_and_budget_is_recorded_with_its_minutes() {
        fixture.givenNoPriorActivity()
                .when(record(CycleMilestone.PLAN_AND_BUDGET_DECIDED, COUNCIL, "RF 2025 §112"))
                .expectEvents(recorded(CycleMilestone.PLAN_AND_BUDGET_DECIDED, COUNCIL, "RF 2025 §112"))
                .expectResultMessagePayload(0L);
    }

    @Test
    void a_dialogue_is_held_more_than_once_in_a_budget_year() {
        fixture.given(recorded(CycleMilestone.CONSEQUENCE_DIALOGUE, LocalDate.of(2026, 1, 20), "Dialog med primärvården"))
                .when(record(CycleMilestone.CONSEQUENCE_DIALOGUE, LocalDate.of(2026, 2, 3), "Dialog med patientföreningarna"))
                .expectEvents(recorded(CycleMilestone.CONSEQUENCE_DIALOGUE, LocalDate.of(2026, 2, 3), "Dialog med patientföreningarna"));
    }

    @Test
    void the_same_step_recorded_again_stores_nothing() {
        fixture.given(recorded(CycleMilestone.ANNUAL_REPORT, LocalDate.of(2027, 4, 20), "RF 2027 §40"))
                .when(record(CycleMilestone.ANNUAL_REPORT, LocalDate.of(2027, 4, 20), "RF 2027 §40"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_budget_year_has_one_decision_on_plan_and_budget() {
        fixture.given(recorded(CycleMilestone.PLAN_AND_BUDGET_DECIDED, COUNCIL, "RF 2025 §112"))
                .when(record(CycleMilestone.PLAN_AND_BUDGET_DECIDED, COUNCIL.plusDays(1), "RF 2025 §113"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(Rule.MilestoneAlreadyRecorded.description())
                .expectNoEvents();
    }

    @Test
    void a_step_is_held_between_the_start_of_the_year_before_and_the_end_of_the_year_after() {
        fixture.givenNoPriorActivity()
                .when(record(CycleMilestone.NEEDS_DIALOGUE, LocalDate.of(2024, 12, 31), "Dialog"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(Rule.MilestoneOutsideTheWheel.description())
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(record(CycleMilestone.ANNUAL_REPORT, LocalDate.of(2028, 1, 1), "RF 2028 §1"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(Rule.MilestoneOutsideTheWheel.description())
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(record(CycleMilestone.NEEDS_DIALOGUE, LocalDate.of(2025, 1, 1), "Dialog"))
                .expectEvents(recorded(CycleMilestone.NEEDS_DIALOGUE, LocalDate.of(2025, 1, 1), "Dialog"));
        fixture.givenNoPriorActivity()
                .when(record(CycleMilestone.ANNUAL_REPORT, LocalDate.of(2027, 12, 31), "RF 2027 §99"))
                .expectEvents(recorded(CycleMilestone.ANNUAL_REPORT, LocalDate.of(2027, 12, 31), "RF 2027 §99"));
    }
}

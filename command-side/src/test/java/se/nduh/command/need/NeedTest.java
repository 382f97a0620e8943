package se.nduh.command.need;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.nduh.kernel.need.NeedGroup;
import se.nduh.kernel.need.ProposeNeed;
import se.nduh.kernel.rule.Rule;

import java.util.Set;

import static se.nduh.command.need.Needs.proposeObesityInChildren;
import static se.nduh.command.testing.RuleMatchers.violates;

class NeedTest {

    private AggregateTestFixture<Need> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Need.class);
    }

    @Test
    void a_civil_servant_proposes_a_need_of_the_region() {
        fixture.givenNoPriorActivity()
                .when(proposeObesityInChildren())
                .expectSuccessfulHandlerExecution()
                .expectEvents(Needs.obesityInChildrenProposed());
    }

    @Test
    void a_need_names_at_least_one_kind_of_effort() {
        ProposeNeed valid = proposeObesityInChildren();
        fixture.givenNoPriorActivity()
                .when(new ProposeNeed(valid.needId(), valid.region(), valid.title(), valid.description(),
                        valid.needGroup(), Set.of(), valid.indicator(), valid.budgetYear()))
                .expectException(violates(Rule.NoKindOfEffort))
                .expectNoEvents();
    }

    @Test
    void a_need_group_counts_at_least_one_person() {
        ProposeNeed valid = proposeObesityInChildren();
        fixture.givenNoPriorActivity()
                .when(new ProposeNeed(valid.needId(), valid.region(), valid.title(), valid.description(),
                        new NeedGroup("Ingen", 0), valid.kindsOfEffort(), valid.indicator(), valid.budgetYear()))
                .expectException(violates(Rule.NeedGroupSizeNotPositive))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ProposeNeed(valid.needId(), valid.region(), valid.title(), valid.description(),
                        new NeedGroup("En patient med sällsynt diagnos", 1), valid.kindsOfEffort(), valid.indicator(),
                        valid.budgetYear()))
                .expectSuccessfulHandlerExecution();
    }
}

package se.nduh.command.naming;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.nduh.infrastructure.eventstore.KernelCommandTargetResolver;
import se.nduh.kernel.comparison.ComparisonNamingDecided;
import se.nduh.kernel.comparison.DecideComparisonNaming;
import se.nduh.kernel.region.RegionCode;

import java.time.LocalDate;

class ComparisonNamingTest {

    private static final RegionCode HALLAND = RegionCode.of("halland");
    private static final LocalDate MEETING = LocalDate.of(2026, 3, 12);

    private AggregateTestFixture<ComparisonNaming> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ComparisonNaming.class);
        fixture.registerCommandTargetResolver(new KernelCommandTargetResolver());
    }

    private static DecideComparisonNaming decide(boolean named) {
        return new DecideComparisonNaming(HALLAND, named, "Regionstyrelsen", MEETING, "RS 2026 §14", null);
    }

    private static ComparisonNamingDecided decided(boolean named) {
        return new ComparisonNamingDecided(HALLAND, named, "Regionstyrelsen", MEETING, "RS 2026 §14");
    }



    @Test
    void the_elected_officials_decide_that_the_region_is_named_in_comparisons() {
        fixture.givenNoPriorActivity()
                .when(decide(true))
                .expectSuccessfulHandlerExecution()
                .expectEvents(decided(true));
    }

    @Test
    void a_named_region_can_go_back_to_its_pseudonym() {
        fixture.given(decided(true))
                .when(decide(false))
                .expectEvents(decided(false))
                .expectResultMessagePayload(1L);
    }

    @Test
    void deciding_what_already_stands_stores_nothing() {
        fixture.given(decided(true))
                .when(decide(true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }
}

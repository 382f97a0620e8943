package se.nduh.command.bestpractice;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.nduh.infrastructure.eventstore.KernelCommandTargetResolver;
import se.nduh.kernel.experience.BestPracticeCurated;
import se.nduh.kernel.experience.BestPracticeRetired;
import se.nduh.kernel.experience.CurateBestPractice;
import se.nduh.kernel.experience.ExperienceId;
import se.nduh.kernel.experience.RetireBestPractice;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.rule.Rule;

import java.util.Optional;
import java.util.Set;

import static se.nduh.command.testing.RuleMatchers.violates;

/**
 * The network's curation of a released experience: the coordinators curate what the network received from the
 * releasing region, retire it with a reason, and may curate it again.
 */
class BestPracticeTest {

    private static final RegionCode JAMTLAND = RegionCode.of("jamtland-harjedalen");
    private static final ExperienceId RECEIVED = ExperienceId.of("experience-follow-up-in-dialogue");
    private static final ExperienceId NOT_RECEIVED = ExperienceId.of("experience-still-in-its-region");
    private static final Set<String> TAGS = Set.of("dialog", "uppföljning");
    private static final String WHY = "Visar hur uppdrag och uppföljning hänger ihop.";

    private AggregateTestFixture<BestPractice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BestPractice.class);
        fixture.registerCommandTargetResolver(new KernelCommandTargetResolver());
        fixture.registerInjectableResource((ReleasedExperiences) experience ->
                experience.equals(RECEIVED) ? Optional.of(JAMTLAND) : Optional.empty());
    }

    private static BestPracticeCurated curated() {
        return new BestPracticeCurated(RECEIVED, JAMTLAND, TAGS, WHY);
    }

    private static BestPracticeRetired retired() {
        return new BestPracticeRetired(RECEIVED, JAMTLAND, "Inaktuell");
    }

    @Test
    void a_coordinator_curates_a_released_experience_with_tags_and_why_naming_the_region_that_released_it() {
        fixture.givenNoPriorActivity()
                .when(new CurateBestPractice(RECEIVED, TAGS, WHY, null))
                .expectEvents(curated())
                .expectResultMessagePayload(0L);
    }

    @Test
    void an_experience_the_network_has_not_received_cannot_be_curated() {
        fixture.givenNoPriorActivity()
                .when(new CurateBestPractice(NOT_RECEIVED, TAGS, WHY, null))
                .expectException(violates(Rule.ExperienceNotReleased))
                .expectNoEvents();
    }

    @Test
    void a_best_practice_has_a_tag_and_says_why() {
        fixture.givenNoPriorActivity()
                .when(new CurateBestPractice(RECEIVED, Set.of(" "), WHY, null))
                .expectException(violates(Rule.BestPracticeWithoutTags))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CurateBestPractice(RECEIVED, TAGS, " ", null))
                .expectException(violates(Rule.BestPracticeWithoutWhy))
                .expectNoEvents();
    }

    @Test
    void curating_again_alike_changes_nothing_but_new_tags_are_recorded() {
        fixture.given(curated())
                .when(new CurateBestPractice(RECEIVED, TAGS, WHY, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
        fixture.given(curated())
                .when(new CurateBestPractice(RECEIVED, Set.of("dialog"), WHY, null))
                .expectEvents(new BestPracticeCurated(RECEIVED, JAMTLAND, Set.of("dialog"), WHY))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_coordinator_retires_a_best_practice_with_a_reason() {
        fixture.given(curated())
                .when(new RetireBestPractice(RECEIVED, "Ersatt av nyare erfarenhet", null))
                .expectEvents(new BestPracticeRetired(RECEIVED, JAMTLAND, "Ersatt av nyare erfarenhet"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void retiring_needs_a_reason() {
        fixture.given(curated())
                .when(new RetireBestPractice(RECEIVED, "", null))
                .expectException(violates(Rule.RetirementWithoutReason))
                .expectNoEvents();
    }

    @Test
    void retiring_again_changes_nothing() {
        fixture.given(curated(), retired())
                .when(new RetireBestPractice(RECEIVED, "Inaktuell", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_retired_best_practice_may_be_curated_again() {
        fixture.given(curated(), retired())
                .when(new CurateBestPractice(RECEIVED, TAGS, WHY, null))
                .expectEvents(curated())
                .expectResultMessagePayload(2L);
    }

    @Test
    void only_a_curated_best_practice_can_be_retired() {
        fixture.givenNoPriorActivity()
                .when(new RetireBestPractice(RECEIVED, "Inte längre aktuell", null))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }
}

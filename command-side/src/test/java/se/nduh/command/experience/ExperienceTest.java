package se.nduh.command.experience;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.nduh.infrastructure.eventstore.KernelCommandTargetResolver;
import se.nduh.kernel.experience.ExperienceShared;
import se.nduh.kernel.experience.ReleaseExperience;
import se.nduh.kernel.experience.ShareExperience;
import se.nduh.kernel.experience.StrategicArea;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.rule.Rule;

import java.util.Optional;
import java.util.Set;

import static se.nduh.command.experience.Experiences.DECISION_DAY;
import static se.nduh.command.experience.Experiences.FOLLOW_UP_IN_DIALOGUE;
import static se.nduh.command.experience.Experiences.JAMTLAND;
import static se.nduh.command.experience.Experiences.JAMTLAND_DIABETES_COMMISSION;
import static se.nduh.command.experience.Experiences.SKANE;
import static se.nduh.command.experience.Experiences.SKANE_COMMISSION;
import static se.nduh.command.experience.Experiences.STRATEGIST;
import static se.nduh.command.experience.Experiences.SUMMARY;
import static se.nduh.command.experience.Experiences.TITLE;
import static se.nduh.command.experience.Experiences.released;
import static se.nduh.command.experience.Experiences.share;
import static se.nduh.command.experience.Experiences.shareLinkedTo;
import static se.nduh.command.experience.Experiences.shared;
import static se.nduh.command.testing.RuleMatchers.violates;

/** The life of a shared experience in its region: shared, then released to the network. */
class ExperienceTest {

    private AggregateTestFixture<Experience> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Experience.class);
        fixture.registerCommandTargetResolver(new KernelCommandTargetResolver());
        fixture.registerAnnotatedCommandHandler(new ExperienceCommands(fixture.getRepository(), commission ->
                commission.equals(JAMTLAND_DIABETES_COMMISSION) ? Optional.of(JAMTLAND)
                        : commission.equals(SKANE_COMMISSION) ? Optional.of(SKANE) : Optional.empty()));
    }

    @Test
    void a_region_shares_an_experience_with_a_role_to_contact() {
        fixture.givenNoPriorActivity()
                .when(share(STRATEGIST))
                .expectEvents(shared());
    }

    @Test
    void the_contact_is_a_role_never_an_email_address() {
        fixture.givenNoPriorActivity()
                .when(share("Anna Andersson, anna.andersson@regionjh.se"))
                .expectException(violates(Rule.ContactIsAPerson))
                .expectNoEvents();
    }

    @Test
    void the_contact_is_a_role_never_a_personal_identity_number() {
        fixture.givenNoPriorActivity()
                .when(share("Strateg 19800101-1234"))
                .expectException(violates(Rule.ContactIsAPerson))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(share("Strateg 8001011234"))
                .expectException(violates(Rule.ContactIsAPerson))
                .expectNoEvents();
    }

    @Test
    void the_contact_is_a_role_never_a_mobile_number_or_a_name() {
        for (String person : new String[] {"Anna Svensson 070-123 45 67", "Strateg Lars-Erik Holm", "+46 70 123 45 67"}) {
            fixture.givenNoPriorActivity()
                    .when(share(person))
                    .expectException(violates(Rule.ContactIsAPerson, "contactRole"))
                    .expectNoEvents();
        }
    }

    @Test
    void the_title_and_summary_that_travel_to_the_network_name_no_person() {
        fixture.givenNoPriorActivity()
                .when(new ShareExperience(FOLLOW_UP_IN_DIALOGUE, JAMTLAND, "Så gjorde Anna Svensson", StrategicArea.FOLLOW_UP, SUMMARY,
                        Set.of(KindOfEffort.TREATMENT), STRATEGIST, null))
                .expectException(violates(Rule.SharedTextNamesAPerson, "title"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ShareExperience(FOLLOW_UP_IN_DIALOGUE, JAMTLAND, TITLE, StrategicArea.FOLLOW_UP, "Ring 0701234567 för mer",
                        Set.of(KindOfEffort.TREATMENT), STRATEGIST, null))
                .expectException(violates(Rule.SharedTextNamesAPerson, "summary"))
                .expectNoEvents();
    }

    @Test
    void a_shared_experience_may_link_one_of_the_regions_own_commissions() {
        fixture.givenNoPriorActivity()
                .when(shareLinkedTo(JAMTLAND_DIABETES_COMMISSION))
                .expectEvents(new ExperienceShared(FOLLOW_UP_IN_DIALOGUE, JAMTLAND, TITLE, StrategicArea.FOLLOW_UP, SUMMARY,
                        Set.of(KindOfEffort.TREATMENT), STRATEGIST, JAMTLAND_DIABETES_COMMISSION));
    }

    @Test
    void a_shared_experience_cannot_link_another_regions_commission_or_one_that_does_not_exist() {
        fixture.givenNoPriorActivity()
                .when(shareLinkedTo(SKANE_COMMISSION))
                .expectException(violates(Rule.LinkedCommissionNotInRegion))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(shareLinkedTo(se.nduh.kernel.commission.CommissionId.of("no-such-commission")))
                .expectException(violates(Rule.LinkedCommissionNotInRegion))
                .expectNoEvents();
    }

    @Test
    void elected_officials_release_the_experience_to_the_network_with_everything_it_needs() {
        fixture.given(shared())
                .when(new ReleaseExperience(FOLLOW_UP_IN_DIALOGUE, JAMTLAND, DECISION_DAY, null))
                .expectEvents(released())
                .expectResultMessagePayload(1L);
    }

    @Test
    void releasing_again_changes_nothing() {
        fixture.given(shared(), released())
                .when(new ReleaseExperience(FOLLOW_UP_IN_DIALOGUE, JAMTLAND, DECISION_DAY.plusDays(3), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_region_cannot_release_another_regions_experience() {
        fixture.given(shared())
                .when(new ReleaseExperience(FOLLOW_UP_IN_DIALOGUE, SKANE, DECISION_DAY, null))
                .expectException(violates(Rule.ExperienceNotInRegion))
                .expectNoEvents();
    }
}

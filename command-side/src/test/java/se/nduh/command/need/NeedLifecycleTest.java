package se.nduh.command.need;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import se.nduh.infrastructure.eventstore.KernelCommandTargetResolver;
import se.nduh.kernel.need.Direction;
import se.nduh.kernel.need.HealthIndicator;
import se.nduh.kernel.need.AssessNeed;
import se.nduh.kernel.need.EvidenceWithdrawn;
import se.nduh.kernel.need.HealthGap;
import se.nduh.kernel.need.HealthTargetSet;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedAssessed;
import se.nduh.kernel.need.NeedRevised;
import se.nduh.kernel.need.NeedWithdrawn;
import se.nduh.kernel.need.ReviseNeed;
import se.nduh.kernel.need.SetHealthTarget;
import se.nduh.kernel.need.WithdrawEvidence;
import se.nduh.kernel.need.WithdrawNeed;
import se.nduh.kernel.rule.Rule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Set;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;
import static se.nduh.command.need.Needs.LIVSVILLKOR;
import static se.nduh.command.need.Needs.OBESITY_IN_CHILDREN;
import static se.nduh.command.need.Needs.SKANE;
import static se.nduh.command.need.Needs.VASTERBOTTEN;
import static se.nduh.command.need.Needs.anAssessedCareNeed;
import static se.nduh.command.need.Needs.attachSelfReported;
import static se.nduh.command.need.Needs.obesityInChildrenProposed;
import static se.nduh.command.need.Needs.selfReportedAttached;
import static se.nduh.command.need.Needs.targetOf;
import static se.nduh.command.testing.RuleMatchers.violates;

/** The need's rules after its proposal: target and gap, evidence, assessment, revision and withdrawal. */
class NeedLifecycleTest {

    private AggregateTestFixture<Need> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Need.class);
        fixture.registerCommandTargetResolver(new KernelCommandTargetResolver());
    }

    @Test
    void an_elected_official_sets_a_target_and_the_gap_is_derived_in_the_indicators_direction() {
        // 18.5 % obese children, lower is better, target 12 %: a gap of 6.5 points, 6.5 / 18.5 relative.
        fixture.given(obesityInChildrenProposed())
                .when(targetOf("12", 2030))
                .expectEvents(new HealthTargetSet(OBESITY_IN_CHILDREN, VASTERBOTTEN, new BigDecimal("12"), 2030,
                        new HealthGap(new BigDecimal("6.5"), new BigDecimal("6.5").divide(new BigDecimal("18.5"), MathContext.DECIMAL64))))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_target_that_leaves_no_gap_is_rejected() {
        fixture.given(obesityInChildrenProposed())
                .when(targetOf("20", 2030))
                .expectException(violates(Rule.TargetLeavesNoGap))
                .expectNoEvents();
    }

    @Test
    void setting_the_same_target_twice_is_a_harmless_repeat() {
        fixture.given(obesityInChildrenProposed(), new HealthTargetSet(OBESITY_IN_CHILDREN, VASTERBOTTEN,
                        new BigDecimal("12.0"), 2030, HealthGap.between(new BigDecimal("18.5"), new BigDecimal("12"),
                        Direction.LOWER_IS_BETTER)))
                .when(targetOf("12", 2030))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void evidence_is_attached_with_its_ratings_and_a_repeat_changes_nothing() {
        fixture.given(obesityInChildrenProposed())
                .when(attachSelfReported(4, 3))
                .expectEvents(selfReportedAttached())
                .expectResultMessagePayload(1L);
        fixture.given(obesityInChildrenProposed(), selfReportedAttached())
                .when(attachSelfReported(4, 3))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void ratings_are_from_one_to_five() {
        fixture.given(obesityInChildrenProposed())
                .when(attachSelfReported(6, 3))
                .expectException(violates(Rule.RatingOutOfRange, "dataQuality"))
                .expectNoEvents();
        fixture.given(obesityInChildrenProposed())
                .when(attachSelfReported(3, 0))
                .expectException(violates(Rule.RatingOutOfRange, "politicalWeight"))
                .expectNoEvents();
        fixture.given(obesityInChildrenProposed())
                .when(attachSelfReported(1, 5))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void evidence_is_withdrawn_with_a_reason_and_only_evidence_the_need_has() {
        fixture.given(obesityInChildrenProposed(), selfReportedAttached())
                .when(new WithdrawEvidence(OBESITY_IN_CHILDREN, VASTERBOTTEN, LIVSVILLKOR, "Ersatt av nyare mätning", null))
                .expectEvents(new EvidenceWithdrawn(OBESITY_IN_CHILDREN, VASTERBOTTEN, LIVSVILLKOR, "Ersatt av nyare mätning"))
                .expectResultMessagePayload(2L);
        fixture.given(obesityInChildrenProposed())
                .when(new WithdrawEvidence(OBESITY_IN_CHILDREN, VASTERBOTTEN, LIVSVILLKOR, "Fel", null))
                .expectException(violates(Rule.UnknownEvidence))
                .expectNoEvents();
    }

    @Test
    void a_need_is_assessed_and_the_same_assessment_again_changes_nothing() {
        fixture.given(obesityInChildrenProposed())
                .when(new AssessNeed(OBESITY_IN_CHILDREN, VASTERBOTTEN, anAssessedCareNeed(), null))
                .expectEvents(new NeedAssessed(OBESITY_IN_CHILDREN, VASTERBOTTEN, anAssessedCareNeed()))
                .expectResultMessagePayload(1L);
        fixture.given(obesityInChildrenProposed(), new NeedAssessed(OBESITY_IN_CHILDREN, VASTERBOTTEN, anAssessedCareNeed()))
                .when(new AssessNeed(OBESITY_IN_CHILDREN, VASTERBOTTEN, anAssessedCareNeed(), null))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_revision_says_what_changed_and_rederives_the_gap_to_the_target() {
        var proposed = obesityInChildrenProposed();
        var indicator = new HealthIndicator(proposed.indicator().name(), new BigDecimal("17"),
                proposed.indicator().unit(), proposed.indicator().direction(), "Elevhälsan 2025", proposed.indicator().period(), null);
        fixture.given(proposed, new HealthTargetSet(OBESITY_IN_CHILDREN, VASTERBOTTEN, new BigDecimal("12"), 2030,
                        HealthGap.between(new BigDecimal("18.5"), new BigDecimal("12"), indicator.direction())))
                .when(new ReviseNeed(OBESITY_IN_CHILDREN, VASTERBOTTEN, proposed.title(), proposed.description(),
                        proposed.needGroup(), proposed.kindsOfEffort(), indicator, "Nytt mätvärde", "Ny mätning 2025", null))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(event -> event instanceof NeedRevised revised
                                && revised.gap().absolute().compareTo(new BigDecimal("5")) == 0),
                        andNoMore())))
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_need_without_a_target_is_revised_without_a_gap() {
        var proposed = obesityInChildrenProposed();
        fixture.given(proposed)
                .when(revision(proposed.kindsOfEffort()))
                .expectEvents(new NeedRevised(OBESITY_IN_CHILDREN, VASTERBOTTEN, proposed.title(), proposed.description(),
                        proposed.needGroup(), proposed.kindsOfEffort(), proposed.indicator(), "Ny beskrivning",
                        "Tydligare målgrupp", null));
    }

    @Test
    void a_revised_need_still_names_a_kind_of_effort() {
        fixture.given(obesityInChildrenProposed())
                .when(revision(Set.of()))
                .expectException(violates(Rule.NoKindOfEffort))
                .expectNoEvents();
    }

    @Test
    void a_withdrawn_need_takes_no_further_commands() {
        var withdrawn = new NeedWithdrawn(OBESITY_IN_CHILDREN, VASTERBOTTEN, "Dubblett");
        for (Object command : List.of(targetOf("12", 2030), attachSelfReported(4, 3),
                new WithdrawEvidence(OBESITY_IN_CHILDREN, VASTERBOTTEN, LIVSVILLKOR, "Fel", null),
                new AssessNeed(OBESITY_IN_CHILDREN, VASTERBOTTEN, anAssessedCareNeed(), null),
                revision(obesityInChildrenProposed().kindsOfEffort()))) {
            fixture.given(obesityInChildrenProposed(), selfReportedAttached(), withdrawn)
                    .when(command)
                    .expectException(violates(Rule.NeedIsWithdrawn))
                    .expectNoEvents();
        }
        fixture.given(obesityInChildrenProposed(), withdrawn)
                .when(new WithdrawNeed(OBESITY_IN_CHILDREN, VASTERBOTTEN, "Dubblett", null))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_need_is_withdrawn_with_a_reason() {
        fixture.given(obesityInChildrenProposed())
                .when(new WithdrawNeed(OBESITY_IN_CHILDREN, VASTERBOTTEN, "Ingår i ett bredare behov", null))
                .expectEvents(new NeedWithdrawn(OBESITY_IN_CHILDREN, VASTERBOTTEN, "Ingår i ett bredare behov"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_command_through_another_regions_path_finds_no_need() {
        for (Object command : List.of(new WithdrawNeed(OBESITY_IN_CHILDREN, SKANE, "Försök", null),
                new SetHealthTarget(OBESITY_IN_CHILDREN, SKANE, new BigDecimal("12"), 2030, null))) {
            fixture.given(obesityInChildrenProposed())
                    .when(command)
                    .expectException(violates(Rule.NeedNotInRegion))
                    .expectNoEvents();
        }
    }

    @Test
    void a_stale_version_is_refused() {
        fixture.given(obesityInChildrenProposed(), selfReportedAttached())
                .when(new WithdrawNeed(OBESITY_IN_CHILDREN, VASTERBOTTEN, "Dubblett", 0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    private static ReviseNeed revision(Set<KindOfEffort> kindsOfEffort) {
        var proposed = obesityInChildrenProposed();
        return new ReviseNeed(OBESITY_IN_CHILDREN, VASTERBOTTEN, proposed.title(), proposed.description(), proposed.needGroup(),
                kindsOfEffort, proposed.indicator(), "Ny beskrivning", "Tydligare målgrupp", null);
    }
}

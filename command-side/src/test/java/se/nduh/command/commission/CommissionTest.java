package se.nduh.command.commission;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import se.nduh.infrastructure.eventstore.KernelCommandTargetResolver;
import se.nduh.kernel.commission.AcceptCommission;
import se.nduh.kernel.commission.AgreePlanRevision;
import se.nduh.kernel.commission.AnswerDraftDialogue;
import se.nduh.kernel.commission.CommissionDraftDialogueWithdrawn;
import se.nduh.kernel.commission.CommissionPlanRevisionAgreed;
import se.nduh.kernel.commission.CommissionPlanRevisionDeclined;
import se.nduh.kernel.commission.CommissionPlanRevisionProposed;
import se.nduh.kernel.commission.CommissionPlanRevisionWithdrawn;
import se.nduh.kernel.commission.DeclinePlanRevision;
import se.nduh.kernel.commission.PlanParty;
import se.nduh.kernel.commission.ProposePlanRevision;
import se.nduh.kernel.commission.RevisedPlan;
import se.nduh.kernel.commission.WithdrawDraftFromDialogue;
import se.nduh.kernel.commission.WithdrawPlanRevision;
import se.nduh.kernel.commission.CloseCommission;
import se.nduh.kernel.commission.Collaboration;
import se.nduh.kernel.commission.CommissionAccepted;
import se.nduh.kernel.commission.CommissionChangesRequested;
import se.nduh.kernel.commission.CommissionClosed;
import se.nduh.kernel.commission.CommissionDraftDialogueAnswered;
import se.nduh.kernel.commission.CommissionDraftRevised;
import se.nduh.kernel.commission.CommissionDraftSentForDialogue;
import se.nduh.kernel.commission.CommissionDrafted;
import se.nduh.kernel.commission.CommissionId;
import se.nduh.kernel.commission.CommissionIssued;
import se.nduh.kernel.commission.CommissionTerms;
import se.nduh.kernel.commission.CommissionWarning;
import se.nduh.kernel.commission.DraftCommission;
import se.nduh.kernel.commission.Evaluation;
import se.nduh.kernel.commission.EvaluationFindings;
import se.nduh.kernel.commission.FollowUpIndicator;
import se.nduh.kernel.commission.FollowUpIndicatorId;
import se.nduh.kernel.commission.FollowUpLevel;
import se.nduh.kernel.commission.Frequency;
import se.nduh.kernel.commission.Goal;
import se.nduh.kernel.commission.GoalId;
import se.nduh.kernel.commission.IssueCommission;
import se.nduh.kernel.commission.OutcomeId;
import se.nduh.kernel.commission.OutcomeRecorded;
import se.nduh.kernel.commission.PaymentModel;
import se.nduh.kernel.commission.Perspective;
import se.nduh.kernel.commission.Principal;
import se.nduh.kernel.commission.ProposedChange;
import se.nduh.kernel.commission.Provider;
import se.nduh.kernel.commission.RecordOutcome;
import se.nduh.kernel.commission.RequestCommissionChanges;
import se.nduh.kernel.commission.ReviseCommissionDraft;
import se.nduh.kernel.commission.SendDraftForDialogue;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.priority.PriorityRoundId;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.rule.Rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static se.nduh.command.testing.RuleMatchers.violates;

/** The rules of a commission and its follow-up, told as the seeds' pitfalls. */
class CommissionTest {

    private static final RegionCode SORMLAND = RegionCode.of("sormland");
    private static final PriorityRoundId ROUND = PriorityRoundId.of(SORMLAND, 2026);
    private static final Provider PROVIDER = Provider.of("Närsjukvården Sörmland");
    private static final String CIVIL_SERVANT = "sormland-tjansteperson";
    private static final String OFFICIAL = "sormland-fortroendevald";
    private static final String PROVIDER_USER = "sormland-utforare";
    private static final CommissionId COMMISSION = CommissionId.of("commission-diabetes");
    private static final NeedId DIABETES = NeedId.of("need-diabetes");
    private static final NeedId UNDECIDED = NeedId.of("need-undecided");
    private static final GoalId FEWER_COMPLICATIONS = GoalId.of("g-complications");
    private static final FollowUpIndicatorId COMPLICATION_RATE = FollowUpIndicatorId.of("i-complications");
    private static final Goal COMPLICATIONS_HALVED = new Goal(FEWER_COMPLICATIONS, "Andel med diabeteskomplikationer",
            new BigDecimal("20"), new BigDecimal("10"), LocalDate.of(2028, 12, 31));
    private static final FollowUpIndicator COMPLICATIONS = new FollowUpIndicator(COMPLICATION_RATE,
            "Andel med diabeteskomplikationer", FollowUpLevel.EFFECT, Perspective.POPULATION, Frequency.YEAR, FEWER_COMPLICATIONS, null);
    private static final FollowUpIndicator HBA1C_TESTS = new FollowUpIndicator(FollowUpIndicatorId.of("i-hba1c"),
            "Genomförda HbA1c-prov", FollowUpLevel.ACTIVITY, Perspective.OPERATIONAL, Frequency.MONTH, null, null);
    private static final PaymentModel LINKED = new PaymentModel(PaymentModel.Kind.ACTIVE, new BigDecimal("5000000"),
            new BigDecimal("0.2"), Set.of(FEWER_COMPLICATIONS));

    private AggregateTestFixture<Commission> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commission.class);
        fixture.registerCommandTargetResolver(new KernelCommandTargetResolver());
        fixture.registerAnnotatedCommandHandler(new CommissionCommands(fixture.getRepository(),
                (round, region) -> round.equals(ROUND) && region.equals(SORMLAND) ? Set.of(DIABETES) : Set.of()));
    }

    @Test
    void civil_servants_draft_a_commission_for_a_prioritised_need() {
        fixture.givenNoPriorActivity()
                .when(draft(terms(List.of(COMPLICATIONS, HBA1C_TESTS), LINKED, Set.of())))
                .expectEvents(new CommissionDrafted(COMMISSION, SORMLAND, terms(List.of(COMPLICATIONS, HBA1C_TESTS), LINKED, Set.of()), Set.of()));
    }

    @Test
    void a_commission_addresses_only_needs_a_decided_round_prioritised() {
        CommissionTerms valid = terms(List.of(COMPLICATIONS), LINKED, Set.of());
        expectDraftRefused(new CommissionTerms(ROUND, Set.of(UNDECIDED), valid.provider(), valid.description(),
                valid.kindsOfEffort(), valid.goals(), valid.start(), valid.end(), valid.followUpPlan(), valid.payment(),
                Set.of(), null), Rule.CommissionForUndecidedNeed);
    }

    @Test
    void a_commission_without_a_follow_up_plan_is_refused() {
        expectDraftRefused(terms(List.of(), LINKED, Set.of()), Rule.NoFollowUpPlan);
    }

    @Test
    void a_goal_that_no_indicator_measures_is_refused_uppdraget_och_uppfoljningen_hanger_inte_ihop() {
        expectDraftRefused(terms(List.of(HBA1C_TESTS), LINKED, Set.of()), Rule.CommissionGoalNotFollowedUp);
    }

    @Test
    void a_commission_has_goals_a_timeline_that_ends_after_it_starts_and_indicators_of_its_own_goals() {
        CommissionTerms valid = terms(List.of(COMPLICATIONS), LINKED, Set.of());
        expectDraftRefused(new CommissionTerms(ROUND, valid.needIds(), valid.provider(), valid.description(), valid.kindsOfEffort(),
                List.of(), valid.start(), valid.end(), valid.followUpPlan(), valid.payment(), Set.of(), null), Rule.NoGoals);
        expectDraftRefused(new CommissionTerms(ROUND, valid.needIds(), valid.provider(), valid.description(), valid.kindsOfEffort(),
                valid.goals(), valid.end(), valid.start(), valid.followUpPlan(), valid.payment(), Set.of(), null), Rule.TimelineEndsBeforeItStarts);
        FollowUpIndicator strayIndicator = new FollowUpIndicator(FollowUpIndicatorId.of("i-stray"), "Annat", FollowUpLevel.EFFECT, Perspective.POPULATION,
                Frequency.YEAR, GoalId.of("g-unknown"), null);
        expectDraftRefused(terms(List.of(COMPLICATIONS, strayIndicator), LINKED, Set.of()), Rule.FollowUpIndicatorOfUnknownGoal);
    }

    @Test
    void only_an_issued_commission_is_answered_by_the_provider() {
        fixture.given(drafted())
                .when(new AcceptCommission(COMMISSION, SORMLAND, PROVIDER, null))
                .expectException(violates(Rule.CommissionNotIssued));
    }

    @Test
    void active_payment_linked_to_no_goal_is_refused_uppdraget_och_ersattningen_hanger_inte_ihop() {
        expectDraftRefused(terms(List.of(COMPLICATIONS), new PaymentModel(PaymentModel.Kind.ACTIVE, BigDecimal.TEN,
                new BigDecimal("0.1"), Set.of()), Set.of()), Rule.PaymentNotLinkedToGoals);
    }

    @Test
    void active_payment_linked_to_a_goal_the_commission_does_not_have_is_refused() {
        expectDraftRefused(terms(List.of(COMPLICATIONS), new PaymentModel(PaymentModel.Kind.ACTIVE, BigDecimal.TEN,
                new BigDecimal("0.1"), Set.of(FEWER_COMPLICATIONS, GoalId.of("g-waiting-times"))), Set.of()), Rule.PaymentNotLinkedToGoals);
    }

    @Test
    void passive_payment_needs_no_goal_link() {
        CommissionTerms terms = terms(List.of(COMPLICATIONS), new PaymentModel(PaymentModel.Kind.PASSIVE,
                new BigDecimal("3000000"), null, Set.of()), Set.of());
        fixture.givenNoPriorActivity().when(draft(terms)).expectEvents(new CommissionDrafted(COMMISSION, SORMLAND, terms, Set.of()));
    }

    @Test
    void activity_only_follow_up_without_population_perspective_and_a_goal_beyond_care_are_accepted_with_warnings() {
        FollowUpIndicator activityOnly = new FollowUpIndicator(FollowUpIndicatorId.of("i-visits"), "Besök", FollowUpLevel.ACTIVITY,
                Perspective.OPERATIONAL, Frequency.MONTH, FEWER_COMPLICATIONS, null);
        CommissionTerms terms = terms(List.of(activityOnly), LINKED, Set.of(FEWER_COMPLICATIONS));
        fixture.givenNoPriorActivity()
                .when(draft(terms))
                .expectEvents(new CommissionDrafted(COMMISSION, SORMLAND, terms, Set.of(
                        CommissionWarning.FOLLOW_UP_ONLY_AT_ACTIVITY_LEVEL, CommissionWarning.NO_POPULATION_PERSPECTIVE,
                        CommissionWarning.GOAL_BEYOND_HEALTH_CARE)));
    }

    @Test
    void a_goal_whose_target_is_its_baseline_leaves_too_much_room_for_interpretation() {
        expectDraftedWith(termsWithGoal(new Goal(FEWER_COMPLICATIONS, "Andel med diabeteskomplikationer", new BigDecimal("20"),
                new BigDecimal("20.0"), LocalDate.of(2028, 12, 31))), CommissionWarning.TOO_OPEN_TO_INTERPRETATION);
    }

    @Test
    void a_goal_due_only_after_the_commission_ends_leaves_too_much_room_for_interpretation() {
        expectDraftedWith(termsWithGoal(new Goal(FEWER_COMPLICATIONS, "Andel med diabeteskomplikationer", new BigDecimal("20"),
                new BigDecimal("10"), LocalDate.of(2030, 12, 31))), CommissionWarning.TOO_OPEN_TO_INTERPRETATION);
    }

    @Test
    void a_goal_that_asks_for_a_change_by_the_end_of_the_commission_leaves_no_room_for_interpretation() {
        expectDraftedWith(termsWithGoal(new Goal(FEWER_COMPLICATIONS, "Andel med diabeteskomplikationer", new BigDecimal("20"),
                new BigDecimal("19.5"), LocalDate.of(2027, 6, 30))));
    }

    @Test
    void an_effect_goal_also_steered_by_activities_is_too_detailed_det_som_inte_star_i_uppdraget_gors_inte() {
        FollowUpIndicator visitsForTheGoal = new FollowUpIndicator(FollowUpIndicatorId.of("i-visits"), "Besök hos diabetessjuksköterska",
                FollowUpLevel.ACTIVITY, Perspective.OPERATIONAL, Frequency.MONTH, FEWER_COMPLICATIONS, null);
        expectDraftedWith(terms(List.of(COMPLICATIONS, visitsForTheGoal), LINKED, Set.of()), CommissionWarning.TOO_DETAILED);
    }

    @Test
    void follow_up_every_week_is_too_detailed_for_a_commission() {
        FollowUpIndicator weekly = new FollowUpIndicator(FollowUpIndicatorId.of("i-weekly"), "Andel med diabeteskomplikationer",
                FollowUpLevel.EFFECT, Perspective.POPULATION, Frequency.WEEK, FEWER_COMPLICATIONS, null);
        expectDraftedWith(terms(List.of(weekly), LINKED, Set.of()), CommissionWarning.TOO_DETAILED);
    }

    @Test
    void an_effect_goal_with_process_indicators_and_activities_that_measure_no_goal_is_not_too_detailed() {
        FollowUpIndicator checkUps = new FollowUpIndicator(FollowUpIndicatorId.of("i-checkups"), "Andel med årlig fotundersökning",
                FollowUpLevel.PROCESS, Perspective.OPERATIONAL, Frequency.QUARTER, FEWER_COMPLICATIONS, null);
        expectDraftedWith(terms(List.of(COMPLICATIONS, checkUps, HBA1C_TESTS), LINKED, Set.of()));
    }

    /** "Datasmarta": politik–effekter–halvår/år, förvaltning–indikatorer–kvartal, enhet–processer–månad, team–aktiviteter–vecka. */
    @Nested
    class FollowUpAtTheLevelsPace {

        @Test
        void an_effect_followed_up_every_month_does_not_fit_the_politicians_half_yearly_to_yearly_pace() {
            expectDraftedWith(terms(List.of(indicator(FollowUpLevel.EFFECT, Frequency.MONTH)), LINKED, Set.of()),
                    CommissionWarning.FOLLOW_UP_FREQUENCY_UNFIT_FOR_LEVEL);
        }

        @Test
        void an_activity_followed_up_only_every_half_year_does_not_fit_the_teams_weekly_pace() {
            expectDraftedWith(terms(List.of(COMPLICATIONS, indicator(FollowUpLevel.ACTIVITY, Frequency.HALF_YEAR)), LINKED, Set.of()),
                    CommissionWarning.FOLLOW_UP_FREQUENCY_UNFIT_FOR_LEVEL);
        }

        @Test
        void a_process_followed_up_only_every_year_does_not_fit_the_units_monthly_pace() {
            expectDraftedWith(terms(List.of(COMPLICATIONS, indicator(FollowUpLevel.PROCESS, Frequency.YEAR)), LINKED, Set.of()),
                    CommissionWarning.FOLLOW_UP_FREQUENCY_UNFIT_FOR_LEVEL);
        }

        @Test
        void one_step_from_the_levels_own_pace_still_fits() {
            expectDraftedWith(terms(List.of(indicator(FollowUpLevel.EFFECT, Frequency.QUARTER),
                    indicator(FollowUpLevel.INDICATOR, Frequency.HALF_YEAR), indicator(FollowUpLevel.PROCESS, Frequency.QUARTER),
                    indicator(FollowUpLevel.ACTIVITY, Frequency.MONTH)), LINKED, Set.of()));
        }

        @Test
        void each_level_at_its_own_pace_fits() {
            expectDraftedWith(terms(List.of(indicator(FollowUpLevel.EFFECT, Frequency.HALF_YEAR), indicator(FollowUpLevel.EFFECT, Frequency.YEAR),
                    indicator(FollowUpLevel.INDICATOR, Frequency.QUARTER), indicator(FollowUpLevel.PROCESS, Frequency.MONTH)), LINKED, Set.of()));
        }

        @Test
        void a_weekly_effect_is_too_detailed_and_not_flagged_a_second_time_for_its_pace() {
            expectDraftedWith(terms(List.of(indicator(FollowUpLevel.EFFECT, Frequency.WEEK)), LINKED, Set.of()), CommissionWarning.TOO_DETAILED);
        }

        private int made;

        /** A population indicator of the goal, at a level and a pace. */
        private FollowUpIndicator indicator(FollowUpLevel level, Frequency frequency) {
            return new FollowUpIndicator(FollowUpIndicatorId.of("i-" + (++made)), "Andel med diabeteskomplikationer", level,
                    Perspective.POPULATION, frequency, level == FollowUpLevel.ACTIVITY ? null : FEWER_COMPLICATIONS, null);
        }
    }

    @Test
    void a_draft_is_issued_once_and_then_answered_by_the_provider() {
        fixture.given(drafted())
                .when(new IssueCommission(COMMISSION, SORMLAND, "Hälso- och sjukvårdsnämnden", LocalDate.of(2026, 1, 20), null))
                .expectEvents(new CommissionIssued(COMMISSION, SORMLAND, "Hälso- och sjukvårdsnämnden", LocalDate.of(2026, 1, 20), Set.of()))
                .expectResultMessagePayload(1L);
        fixture.given(drafted(), issued())
                .when(new IssueCommission(COMMISSION, SORMLAND, "Nämnden", LocalDate.of(2026, 1, 21), null))
                .expectException(violates(Rule.CommissionNotDraft));
        fixture.given(drafted(), issued())
                .when(new AcceptCommission(COMMISSION, SORMLAND, PROVIDER, null))
                .expectEvents(new CommissionAccepted(COMMISSION, SORMLAND))
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_provider_asking_for_changes_sends_the_commission_back_to_draft() {
        CommissionTerms revised = terms(List.of(COMPLICATIONS), LINKED, Set.of());
        fixture.given(drafted(), issued(), new CommissionChangesRequested(COMMISSION, SORMLAND, "Längre tidsplan"))
                .when(new ReviseCommissionDraft(COMMISSION, SORMLAND, revised, null))
                .expectEvents(new CommissionDraftRevised(COMMISSION, SORMLAND, revised, Set.of()))
                .expectResultMessagePayload(3L);
        fixture.given(drafted(), issued())
                .when(new RequestCommissionChanges(COMMISSION, SORMLAND, "Längre tidsplan", PROVIDER, null))
                .expectEvents(new CommissionChangesRequested(COMMISSION, SORMLAND, "Längre tidsplan"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void only_the_addressed_provider_asks_for_changes_and_only_to_an_issued_commission() {
        fixture.given(drafted(), issued())
                .when(new RequestCommissionChanges(COMMISSION, SORMLAND, "Längre tidsplan", Provider.of("Privata vårdcentralen AB"), null))
                .expectException(violates(Rule.NotTheAddressedProvider))
                .expectNoEvents();
        fixture.given(drafted())
                .when(new RequestCommissionChanges(COMMISSION, SORMLAND, "Längre tidsplan", PROVIDER, null))
                .expectException(violates(Rule.CommissionNotIssued))
                .expectNoEvents();
    }

    @Test
    void only_a_draft_is_revised_and_a_revision_keeps_its_round_and_needs() {
        CommissionTerms current = drafted().terms();
        fixture.given(drafted(), issued())
                .when(new ReviseCommissionDraft(COMMISSION, SORMLAND, current, null))
                .expectException(violates(Rule.CommissionNotDraft))
                .expectNoEvents();
        fixture.given(drafted())
                .when(new ReviseCommissionDraft(COMMISSION, SORMLAND, new CommissionTerms(current.roundId(), Set.of(DIABETES, UNDECIDED),
                        current.provider(), current.description(), current.kindsOfEffort(), current.goals(), current.start(),
                        current.end(), current.followUpPlan(), current.payment(), Set.of(), null), null))
                .expectException(violates(Rule.CommissionForUndecidedNeed, "needIds"))
                .expectNoEvents();
        fixture.given(drafted())
                .when(new ReviseCommissionDraft(COMMISSION, SORMLAND, new CommissionTerms(PriorityRoundId.of(SORMLAND, 2027),
                        current.needIds(), current.provider(), current.description(), current.kindsOfEffort(), current.goals(),
                        current.start(), current.end(), current.followUpPlan(), current.payment(), Set.of(), null), null))
                .expectException(violates(Rule.CommissionForUndecidedNeed, "needIds"))
                .expectNoEvents();
    }

    @Test
    void revising_a_draft_to_the_terms_it_has_changes_nothing() {
        fixture.given(drafted(), issued(), new CommissionChangesRequested(COMMISSION, SORMLAND, "Längre tidsplan"))
                .when(new ReviseCommissionDraft(COMMISSION, SORMLAND, drafted().terms(), null))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_revised_draft_meets_the_same_rules_and_carries_its_own_warnings() {
        fixture.given(drafted())
                .when(new ReviseCommissionDraft(COMMISSION, SORMLAND, terms(List.of(HBA1C_TESTS), LINKED, Set.of()), null))
                .expectException(violates(Rule.CommissionGoalNotFollowedUp))
                .expectNoEvents();
        CommissionTerms beyondCare = terms(List.of(COMPLICATIONS, HBA1C_TESTS), LINKED, Set.of(FEWER_COMPLICATIONS));
        fixture.given(drafted())
                .when(new ReviseCommissionDraft(COMMISSION, SORMLAND, beyondCare, null))
                .expectEvents(new CommissionDraftRevised(COMMISSION, SORMLAND, beyondCare,
                        Set.of(CommissionWarning.GOAL_BEYOND_HEALTH_CARE)));
    }

    @Test
    void a_commission_goes_out_with_the_warnings_of_its_terms() {
        CommissionTerms beyondCare = terms(List.of(COMPLICATIONS, HBA1C_TESTS), LINKED, Set.of(FEWER_COMPLICATIONS));
        fixture.given(new CommissionDrafted(COMMISSION, SORMLAND, beyondCare, Set.of(CommissionWarning.GOAL_BEYOND_HEALTH_CARE)))
                .when(new IssueCommission(COMMISSION, SORMLAND, "Hälso- och sjukvårdsnämnden", LocalDate.of(2026, 1, 20), null))
                .expectEvents(new CommissionIssued(COMMISSION, SORMLAND, "Hälso- och sjukvårdsnämnden", LocalDate.of(2026, 1, 20),
                        Set.of(CommissionWarning.GOAL_BEYOND_HEALTH_CARE)));
    }

    @Test
    void a_draft_stored_before_a_rule_existed_is_not_issued_until_it_meets_it() {
        CommissionTerms withoutPlan = terms(List.of(), LINKED, Set.of());
        fixture.given(new CommissionDrafted(COMMISSION, SORMLAND, withoutPlan, Set.of()))
                .when(new IssueCommission(COMMISSION, SORMLAND, "Hälso- och sjukvårdsnämnden", LocalDate.of(2026, 1, 20), null))
                .expectException(violates(Rule.NoFollowUpPlan))
                .expectNoEvents();
    }

    @Test
    void an_outcome_derives_goal_fulfilment_from_baseline_to_target() {
        // From 20 % towards 10 %: 16 % is 40 % of the way.
        fixture.given(drafted(), issued(), accepted())
                .when(outcome("o-1", COMPLICATION_RATE, "2026", "16"))
                .expectEvents(new OutcomeRecorded(COMMISSION, SORMLAND, OutcomeId.of("o-1"), COMPLICATION_RATE, Period.of("2026"),
                        new BigDecimal("16"), "NDR", null, FEWER_COMPLICATIONS, new BigDecimal("0.4")))
                .expectResultMessagePayload(3L);
    }

    @Test
    void an_outcome_of_an_indicator_that_measures_no_goal_fulfils_none() {
        fixture.given(drafted(), issued(), accepted())
                .when(outcome("o-1", HBA1C_TESTS.indicatorId(), "2026", "420"))
                .expectEvents(new OutcomeRecorded(COMMISSION, SORMLAND, OutcomeId.of("o-1"), HBA1C_TESTS.indicatorId(),
                        Period.of("2026"), new BigDecimal("420"), "NDR", null, null, null));
    }

    @Test
    void the_same_value_for_another_period_is_a_new_outcome_not_a_correction() {
        fixture.given(drafted(), issued(), accepted(), firstOutcome())
                .when(outcome("o-2", COMPLICATION_RATE, "2027", "16"))
                .expectEvents(new OutcomeRecorded(COMMISSION, SORMLAND, OutcomeId.of("o-2"), COMPLICATION_RATE, Period.of("2027"),
                        new BigDecimal("16"), "NDR", null, FEWER_COMPLICATIONS, new BigDecimal("0.4")));
    }

    @Test
    void a_correction_supersedes_the_earlier_value_and_the_same_value_again_changes_nothing() {
        fixture.given(drafted(), issued(), accepted(), firstOutcome())
                .when(outcome("o-2", COMPLICATION_RATE, "2026", "15"))
                .expectEvents(new OutcomeRecorded(COMMISSION, SORMLAND, OutcomeId.of("o-2"), COMPLICATION_RATE, Period.of("2026"),
                        new BigDecimal("15"), "NDR", OutcomeId.of("o-1"), FEWER_COMPLICATIONS, new BigDecimal("0.5")))
                .expectResultMessagePayload(4L);
        fixture.given(drafted(), issued(), accepted(), firstOutcome())
                .when(outcome("o-3", COMPLICATION_RATE, "2026", "16.0"))
                .expectNoEvents()
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_groups_outcome_is_followed_up_beside_the_whole_populations_and_corrected_on_its_own() {
        fixture.given(drafted(), issued(), accepted(), firstOutcome())
                .when(groupOutcome("o-2", COMPLICATION_RATE, "2026", "22", "Förgymnasial utbildning"))
                .expectEvents(new OutcomeRecorded(COMMISSION, SORMLAND, OutcomeId.of("o-2"), COMPLICATION_RATE, Period.of("2026"),
                        new BigDecimal("22"), "NDR", null, null, null, 1, "Förgymnasial utbildning"));
        fixture.given(drafted(), issued(), accepted(), firstOutcome(), new OutcomeRecorded(COMMISSION, SORMLAND, OutcomeId.of("o-2"),
                        COMPLICATION_RATE, Period.of("2026"), new BigDecimal("22"), "NDR", null, null, null, 1, "Förgymnasial utbildning"))
                .when(groupOutcome("o-3", COMPLICATION_RATE, "2026", "21", "Förgymnasial utbildning"))
                .expectEvents(new OutcomeRecorded(COMMISSION, SORMLAND, OutcomeId.of("o-3"), COMPLICATION_RATE, Period.of("2026"),
                        new BigDecimal("21"), "NDR", OutcomeId.of("o-2"), null, null, 1, "Förgymnasial utbildning"));
    }

    @Test
    void a_group_is_a_category_of_the_population_never_a_person() {
        fixture.given(drafted(), issued(), accepted())
                .when(groupOutcome("o-1", COMPLICATION_RATE, "2026", "22", "anna.andersson@regionsormland.se"))
                .expectException(violates(Rule.InequityGroupIsAPerson))
                .expectNoEvents();
    }

    @Test
    void outcomes_are_for_plan_indicators_within_the_timeline_of_an_accepted_commission() {
        fixture.given(drafted(), issued(), accepted())
                .when(outcome("o-1", FollowUpIndicatorId.of("i-unknown"), "2026", "1"))
                .expectException(violates(Rule.OutcomeIndicatorNotInPlan));
        fixture.given(drafted(), issued(), accepted())
                .when(outcome("o-1", COMPLICATION_RATE, "2030", "1"))
                .expectException(violates(Rule.OutcomePeriodOutsideTimeline));
        fixture.given(drafted(), issued())
                .when(outcome("o-1", COMPLICATION_RATE, "2026", "1"))
                .expectException(violates(Rule.CommissionNotActive));
    }

    @Test
    void only_the_addressed_provider_answers_and_records_as_a_provider() {
        fixture.given(drafted(), issued())
                .when(new AcceptCommission(COMMISSION, SORMLAND, Provider.of("Privata vårdcentralen AB"), null))
                .expectException(violates(Rule.NotTheAddressedProvider))
                .expectNoEvents();
        fixture.given(drafted(), issued(), accepted())
                .when(new RecordOutcome(COMMISSION, SORMLAND, OutcomeId.of("o-1"), COMPLICATION_RATE, Period.of("2026"), BigDecimal.TEN,
                        "NDR", null, Provider.of(""), null))
                .expectException(violates(Rule.NotTheAddressedProvider));
        fixture.given(drafted(), issued(), accepted())
                .when(new RecordOutcome(COMMISSION, SORMLAND, OutcomeId.of("o-1"), COMPLICATION_RATE, Period.of("2026"), new BigDecimal("16"),
                        "NDR", null, PROVIDER, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_commission_is_closed_with_its_evaluation() {
        fixture.given(drafted(), issued(), accepted())
                .when(new CloseCommission(COMMISSION, SORMLAND, Evaluation.PARTLY_ACHIEVED, "Halva vägen", EvaluationFindings.NONE, null))
                .expectEvents(new CommissionClosed(COMMISSION, SORMLAND, Evaluation.PARTLY_ACHIEVED, "Halva vägen", EvaluationFindings.NONE))
                .expectResultMessagePayload(3L);
    }

    @Test
    void the_evaluation_keeps_the_success_factors_the_obstacles_and_what_the_region_learned() {
        EvaluationFindings findings = new EvaluationFindings(List.of("Diabetessjuksköterskor på varje vårdcentral"),
                List.of("Journalsystemen talar inte med varandra", "Svårt att rekrytera"),
                List.of("Följ upp effekten varje år, inte bara besöken"));
        fixture.given(drafted(), issued(), accepted())
                .when(new CloseCommission(COMMISSION, SORMLAND, Evaluation.PARTLY_ACHIEVED, "Halva vägen", findings, null))
                .expectEvents(new CommissionClosed(COMMISSION, SORMLAND, Evaluation.PARTLY_ACHIEVED, "Halva vägen", findings));
    }

    @Test
    void only_an_accepted_commission_is_closed() {
        fixture.given(drafted(), issued())
                .when(new CloseCommission(COMMISSION, SORMLAND, Evaluation.NOT_ACHIEVED, "Kom aldrig igång", EvaluationFindings.NONE, null))
                .expectException(violates(Rule.CommissionNotActive))
                .expectNoEvents();
    }

    @Test
    void a_commission_is_only_reached_through_its_own_regions_path() {
        fixture.given(drafted())
                .when(new IssueCommission(COMMISSION, RegionCode.of("skane"), "Nämnden", LocalDate.of(2026, 1, 20), null))
                .expectException(violates(Rule.CommissionNotInRegion));
    }

    /** The region takes back a round of dialogue the provider has not answered, so the draft can be revised or issued. */
    @Nested
    class WithdrawingADialogueRound {

        @Test
        void the_region_withdraws_an_unanswered_round_with_a_reason_and_the_draft_is_revised_and_issued() {
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()))
                    .when(withdrawRound("Fel version skickades"))
                    .expectEvents(new CommissionDraftDialogueWithdrawn(COMMISSION, SORMLAND, 1, 1, "Fel version skickades", CIVIL_SERVANT))
                    .expectResultMessagePayload(2L);
            CommissionTerms revised = terms(List.of(COMPLICATIONS), LINKED, Set.of());
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()), roundWithdrawn(1, 1))
                    .when(new ReviseCommissionDraft(COMMISSION, SORMLAND, revised, null))
                    .expectEvents(new CommissionDraftRevised(COMMISSION, SORMLAND, revised, Set.of()));
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()), roundWithdrawn(1, 1))
                    .when(new IssueCommission(COMMISSION, SORMLAND, "Hälso- och sjukvårdsnämnden", LocalDate.of(2026, 1, 20), null))
                    .expectEvents(issued());
        }

        @Test
        void a_withdrawn_version_the_provider_never_answered_may_be_sent_again_as_the_next_round() {
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()), roundWithdrawn(1, 1))
                    .when(new SendDraftForDialogue(COMMISSION, SORMLAND, null))
                    .expectEvents(sentForDialogue(2, 1, drafted().terms()));
        }

        @Test
        void the_provider_does_not_answer_a_withdrawn_round() {
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()), roundWithdrawn(1, 1))
                    .when(new AnswerDraftDialogue(COMMISSION, SORMLAND, "Vi tar det", List.of(), PROVIDER, null))
                    .expectException(violates(Rule.NoDraftDialogueAwaitingAnswer, "status"))
                    .expectNoEvents();
        }

        @Test
        void only_an_unanswered_round_is_withdrawn_and_once() {
            fixture.given(drafted())
                    .when(withdrawRound("Fel version"))
                    .expectException(violates(Rule.DialogueRoundNotAwaitingAnswer, "status"));
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()), answered(1, 1))
                    .when(withdrawRound("För sent"))
                    .expectException(violates(Rule.DialogueRoundNotAwaitingAnswer, "status"))
                    .expectNoEvents();
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()), roundWithdrawn(1, 1))
                    .when(withdrawRound("Fel version"))
                    .expectException(violates(Rule.DialogueRoundNotAwaitingAnswer, "status"))
                    .expectNoEvents();
        }

        @Test
        void a_round_is_withdrawn_with_a_reason() {
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()))
                    .when(withdrawRound("  "))
                    .expectException(violates(Rule.ReasonMissing, "reason"))
                    .expectNoEvents();
        }

        private WithdrawDraftFromDialogue withdrawRound(String reason) {
            return new WithdrawDraftFromDialogue(COMMISSION, SORMLAND, reason, CIVIL_SERVANT, null);
        }

        private CommissionDraftDialogueWithdrawn roundWithdrawn(int round, int draftVersion) {
            return new CommissionDraftDialogueWithdrawn(COMMISSION, SORMLAND, round, draftVersion, "Fel version skickades", CIVIL_SERVANT);
        }

        private CommissionDraftSentForDialogue sentForDialogue(int round, int draftVersion, CommissionTerms terms) {
            return new CommissionDraftSentForDialogue(COMMISSION, SORMLAND, round, draftVersion, terms);
        }

        private CommissionDraftDialogueAnswered answered(int round, int draftVersion) {
            return new CommissionDraftDialogueAnswered(COMMISSION, SORMLAND, round, draftVersion, "Vi står bakom förslaget", List.of());
        }
    }

    /**
     * "Behöver planen revideras?": during follow-up either side proposes new goals, follow-up plan and payment with a
     * reason; the elected officials agree or decline; what was followed up under the old plan stays.
     */
    @Nested
    class RevisingThePlanDuringFollowUp {

        private final Goal earlierTarget = new Goal(FEWER_COMPLICATIONS, "Andel med diabeteskomplikationer",
                new BigDecimal("20"), new BigDecimal("8"), LocalDate.of(2028, 6, 30));
        private final FollowUpIndicator footExams = new FollowUpIndicator(FollowUpIndicatorId.of("i-feet"), "Andel med årlig fotundersökning",
                FollowUpLevel.PROCESS, Perspective.OPERATIONAL, Frequency.MONTH, FEWER_COMPLICATIONS, null);
        /** Keeps the effect indicator, swaps the HbA1c activity for foot exams, moves the target, pays a larger linked share. */
        private final RevisedPlan revisedPlan = new RevisedPlan(List.of(earlierTarget), List.of(COMPLICATIONS, footExams),
                new PaymentModel(PaymentModel.Kind.ACTIVE, new BigDecimal("5000000"), new BigDecimal("0.3"), Set.of(FEWER_COMPLICATIONS)));

        @Test
        void the_provider_proposes_a_revision_with_its_reason_and_the_warnings_it_would_carry() {
            fixture.given(drafted(), issued(), accepted())
                    .when(propose(revisedPlan, PROVIDER, PROVIDER_USER))
                    .expectEvents(proposed(1, PlanParty.PROVIDER, PROVIDER_USER))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void the_regions_civil_servants_propose_one_too() {
            fixture.given(drafted(), issued(), accepted())
                    .when(propose(revisedPlan, null, CIVIL_SERVANT))
                    .expectEvents(proposed(1, PlanParty.REGION, CIVIL_SERVANT));
        }

        @Test
        void only_the_addressed_provider_proposes_for_the_provider() {
            fixture.given(drafted(), issued(), accepted())
                    .when(propose(revisedPlan, Provider.of("Privata vårdcentralen AB"), "annan-utforare"))
                    .expectException(violates(Rule.NotTheAddressedProvider))
                    .expectNoEvents();
        }

        @Test
        void a_plan_is_revised_only_while_the_commission_is_accepted() {
            fixture.given(drafted(), issued())
                    .when(propose(revisedPlan, null, CIVIL_SERVANT))
                    .expectException(violates(Rule.PlanRevisedOnlyDuringFollowUp, "status"))
                    .expectNoEvents();
            fixture.given(drafted(), issued(), accepted(),
                            new CommissionClosed(COMMISSION, SORMLAND, Evaluation.ACHIEVED, "Klart", EvaluationFindings.NONE))
                    .when(propose(revisedPlan, null, CIVIL_SERVANT))
                    .expectException(violates(Rule.PlanRevisedOnlyDuringFollowUp, "status"));
        }

        @Test
        void a_revision_gives_a_reason_and_changes_something() {
            fixture.given(drafted(), issued(), accepted())
                    .when(new ProposePlanRevision(COMMISSION, SORMLAND, revisedPlan, " ", CIVIL_SERVANT, null, null))
                    .expectException(violates(Rule.ReasonMissing, "reason"))
                    .expectNoEvents();
            fixture.given(drafted(), issued(), accepted())
                    .when(propose(RevisedPlan.of(drafted().terms()), null, CIVIL_SERVANT))
                    .expectException(violates(Rule.PlanRevisionChangesNothing, "plan"))
                    .expectNoEvents();
        }

        @Test
        void a_revised_plan_meets_the_same_rules_as_a_draft() {
            fixture.given(drafted(), issued(), accepted())
                    .when(propose(new RevisedPlan(List.of(COMPLICATIONS_HALVED), List.of(HBA1C_TESTS), LINKED), null, CIVIL_SERVANT))
                    .expectException(violates(Rule.CommissionGoalNotFollowedUp, "followUpPlan"))
                    .expectNoEvents();
            fixture.given(drafted(), issued(), accepted())
                    .when(propose(new RevisedPlan(List.of(COMPLICATIONS_HALVED), List.of(COMPLICATIONS), new PaymentModel(PaymentModel.Kind.ACTIVE,
                            BigDecimal.TEN, new BigDecimal("0.1"), Set.of(GoalId.of("g-other")))), null, CIVIL_SERVANT))
                    .expectException(violates(Rule.PaymentNotLinkedToGoals, "payment.linkedGoalIds"));
        }

        @Test
        void one_proposal_is_open_at_a_time_and_the_same_one_again_changes_nothing() {
            fixture.given(drafted(), issued(), accepted(), proposed(1, PlanParty.PROVIDER, PROVIDER_USER))
                    .when(propose(new RevisedPlan(List.of(COMPLICATIONS_HALVED), List.of(COMPLICATIONS), LINKED), null, CIVIL_SERVANT))
                    .expectException(violates(Rule.PlanRevisionAlreadyOpen, "status"))
                    .expectNoEvents();
            fixture.given(drafted(), issued(), accepted(), proposed(1, PlanParty.PROVIDER, PROVIDER_USER))
                    .when(propose(revisedPlan, PROVIDER, PROVIDER_USER))
                    .expectNoEvents()
                    .expectResultMessagePayload(3L);
        }

        @Test
        void the_elected_officials_agree_and_the_terms_change_as_the_next_plan_version_with_their_warnings() {
            CommissionTerms revisedTerms = revisedPlan.applyTo(drafted().terms());
            fixture.given(drafted(), issued(), accepted(), proposed(1, PlanParty.PROVIDER, PROVIDER_USER))
                    .when(new AgreePlanRevision(COMMISSION, SORMLAND, OFFICIAL, null))
                    .expectEvents(new CommissionPlanRevisionAgreed(COMMISSION, SORMLAND, 1, 2, revisedTerms, Set.of(), OFFICIAL))
                    .expectResultMessagePayload(4L);
            assertThat(revisedTerms.provider()).isEqualTo(PROVIDER);
            assertThat(revisedTerms.start()).isEqualTo(drafted().terms().start());
            assertThat(revisedTerms.needIds()).isEqualTo(drafted().terms().needIds());
        }

        @Test
        void the_elected_officials_decline_with_a_reason_and_the_plan_stays() {
            fixture.given(drafted(), issued(), accepted(), proposed(1, PlanParty.REGION, CIVIL_SERVANT))
                    .when(new DeclinePlanRevision(COMMISSION, SORMLAND, "", OFFICIAL, null))
                    .expectException(violates(Rule.ReasonMissing, "reason"))
                    .expectNoEvents();
            fixture.given(drafted(), issued(), accepted(), proposed(1, PlanParty.REGION, CIVIL_SERVANT))
                    .when(new DeclinePlanRevision(COMMISSION, SORMLAND, "Målet står fast", OFFICIAL, null))
                    .expectEvents(new CommissionPlanRevisionDeclined(COMMISSION, SORMLAND, 1, "Målet står fast", OFFICIAL));
            fixture.given(drafted(), issued(), accepted(), proposed(1, PlanParty.REGION, CIVIL_SERVANT),
                            new CommissionPlanRevisionDeclined(COMMISSION, SORMLAND, 1, "Målet står fast", OFFICIAL))
                    .when(outcome("o-1", HBA1C_TESTS.indicatorId(), "2026", "420"))
                    .expectEvents(new OutcomeRecorded(COMMISSION, SORMLAND, OutcomeId.of("o-1"), HBA1C_TESTS.indicatorId(),
                            Period.of("2026"), new BigDecimal("420"), "NDR", null, null, null, 1));
        }

        @Test
        void only_its_proposer_withdraws_a_revision() {
            fixture.given(drafted(), issued(), accepted(), proposed(1, PlanParty.PROVIDER, PROVIDER_USER))
                    .when(new WithdrawPlanRevision(COMMISSION, SORMLAND, CIVIL_SERVANT, null, null))
                    .expectException(violates(Rule.PlanRevisionOfTheOtherSide, "status"))
                    .expectNoEvents();
            fixture.given(drafted(), issued(), accepted(), proposed(1, PlanParty.PROVIDER, PROVIDER_USER))
                    .when(new WithdrawPlanRevision(COMMISSION, SORMLAND, PROVIDER_USER, PROVIDER, null))
                    .expectEvents(new CommissionPlanRevisionWithdrawn(COMMISSION, SORMLAND, 1, PROVIDER_USER));
        }

        @Test
        void nothing_is_agreed_declined_or_withdrawn_without_an_open_proposal() {
            fixture.given(drafted(), issued(), accepted())
                    .when(new AgreePlanRevision(COMMISSION, SORMLAND, OFFICIAL, null))
                    .expectException(violates(Rule.NoPlanRevisionOpen, "status"));
            fixture.given(drafted(), issued(), accepted(), proposed(1, PlanParty.REGION, CIVIL_SERVANT),
                            new CommissionPlanRevisionWithdrawn(COMMISSION, SORMLAND, 1, CIVIL_SERVANT))
                    .when(new AgreePlanRevision(COMMISSION, SORMLAND, OFFICIAL, null))
                    .expectException(violates(Rule.NoPlanRevisionOpen, "status"))
                    .expectNoEvents();
            fixture.given(drafted(), issued(), accepted(), proposed(1, PlanParty.REGION, CIVIL_SERVANT), agreed())
                    .when(new DeclinePlanRevision(COMMISSION, SORMLAND, "För sent", OFFICIAL, null))
                    .expectException(violates(Rule.NoPlanRevisionOpen, "status"));
        }

        @Test
        void a_commission_with_an_open_proposal_is_not_closed_until_it_is_settled() {
            fixture.given(drafted(), issued(), accepted(), proposed(1, PlanParty.PROVIDER, PROVIDER_USER))
                    .when(new CloseCommission(COMMISSION, SORMLAND, Evaluation.ACHIEVED, "Klart", EvaluationFindings.NONE, null))
                    .expectException(violates(Rule.PlanRevisionAlreadyOpen, "status"))
                    .expectNoEvents();
        }

        @Test
        void after_the_revision_outcomes_are_checked_against_the_new_plan_and_carry_its_version() {
            fixture.given(drafted(), issued(), accepted(), firstOutcome(), proposed(1, PlanParty.PROVIDER, PROVIDER_USER), agreed())
                    .when(outcome("o-2", HBA1C_TESTS.indicatorId(), "2027", "400"))
                    .expectException(violates(Rule.OutcomeIndicatorNotInPlan, "indicatorId"))
                    .expectNoEvents();
            // From 20 % towards the new target of 8 %: 14 % is half the way.
            fixture.given(drafted(), issued(), accepted(), firstOutcome(), proposed(1, PlanParty.PROVIDER, PROVIDER_USER), agreed())
                    .when(outcome("o-2", COMPLICATION_RATE, "2027", "14"))
                    .expectEvents(new OutcomeRecorded(COMMISSION, SORMLAND, OutcomeId.of("o-2"), COMPLICATION_RATE, Period.of("2027"),
                            new BigDecimal("14"), "NDR", null, FEWER_COMPLICATIONS, new BigDecimal("0.5"), 2));
            fixture.given(drafted(), issued(), accepted(), firstOutcome(), proposed(1, PlanParty.PROVIDER, PROVIDER_USER), agreed())
                    .when(outcome("o-3", footExams.indicatorId(), "2027", "0.8"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_second_revision_is_proposed_once_the_first_is_settled_and_makes_plan_version_three() {
            RevisedPlan again = new RevisedPlan(List.of(COMPLICATIONS_HALVED), List.of(COMPLICATIONS, footExams), LINKED);
            fixture.given(drafted(), issued(), accepted(), proposed(1, PlanParty.PROVIDER, PROVIDER_USER), agreed(),
                            new CommissionPlanRevisionProposed(COMMISSION, SORMLAND, 2, again, Set.of(), "Tillbaka till 2028", CIVIL_SERVANT,
                                    PlanParty.REGION))
                    .when(new AgreePlanRevision(COMMISSION, SORMLAND, OFFICIAL, null))
                    .expectEvents(new CommissionPlanRevisionAgreed(COMMISSION, SORMLAND, 2, 3, again.applyTo(drafted().terms()), Set.of(), OFFICIAL));
        }

        private ProposePlanRevision propose(RevisedPlan plan, Provider actingProvider, String user) {
            return new ProposePlanRevision(COMMISSION, SORMLAND, plan, "Målet nås tidigare än väntat", user, actingProvider, null);
        }

        private CommissionPlanRevisionProposed proposed(int revision, PlanParty party, String user) {
            return new CommissionPlanRevisionProposed(COMMISSION, SORMLAND, revision, revisedPlan, Set.of(), "Målet nås tidigare än väntat",
                    user, party);
        }

        private CommissionPlanRevisionAgreed agreed() {
            return new CommissionPlanRevisionAgreed(COMMISSION, SORMLAND, 1, 2, revisedPlan.applyTo(drafted().terms()), Set.of(), OFFICIAL);
        }
    }

    /** "Dialog kring förslaget till uppdrag" comes before "beslut": the provider answers the draft before it is issued. */
    @Nested
    class DialogueBeforeTheDecision {

        private final ProposedChange longerTimeline = new ProposedChange(ProposedChange.Term.TIMELINE, null, "Förläng till 2029");
        private final ProposedChange lowerTarget = new ProposedChange(ProposedChange.Term.GOAL, FEWER_COMPLICATIONS, "Målvärde 12 %");

        @Test
        void civil_servants_send_the_draft_to_its_provider_for_dialogue() {
            fixture.given(drafted())
                    .when(new SendDraftForDialogue(COMMISSION, SORMLAND, null))
                    .expectEvents(sentForDialogue(1, 1, drafted().terms()))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void sending_the_draft_again_before_the_provider_answers_changes_nothing() {
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()))
                    .when(new SendDraftForDialogue(COMMISSION, SORMLAND, null))
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void the_addressed_provider_answers_the_version_it_was_sent_with_comments_and_proposed_changes() {
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()))
                    .when(answer(PROVIDER, "Rimligt, men tidsplanen är snäv", List.of(longerTimeline, lowerTarget)))
                    .expectEvents(new CommissionDraftDialogueAnswered(COMMISSION, SORMLAND, 1, 1, "Rimligt, men tidsplanen är snäv",
                            List.of(longerTimeline, lowerTarget)))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void only_the_addressed_provider_answers_a_draft_in_dialogue() {
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()))
                    .when(answer(Provider.of("Privata vårdcentralen AB"), "Vi tar det", List.of()))
                    .expectException(violates(Rule.NotTheAddressedProvider))
                    .expectNoEvents();
        }

        @Test
        void only_a_draft_sent_for_dialogue_and_not_yet_answered_is_answered() {
            fixture.given(drafted())
                    .when(answer(PROVIDER, "Vi tar det", List.of()))
                    .expectException(violates(Rule.NoDraftDialogueAwaitingAnswer, "status"));
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()), answered(1, 1))
                    .when(answer(PROVIDER, "Vi tar det", List.of()))
                    .expectException(violates(Rule.NoDraftDialogueAwaitingAnswer, "status"));
            fixture.given(drafted(), issued())
                    .when(answer(PROVIDER, "Vi tar det", List.of()))
                    .expectException(violates(Rule.NoDraftDialogueAwaitingAnswer, "status"));
        }

        @Test
        void an_answer_has_comments_or_proposed_changes_or_both() {
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()))
                    .when(answer(PROVIDER, " ", List.of()))
                    .expectException(violates(Rule.EmptyDialogueAnswer, "comments"));
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()))
                    .when(answer(PROVIDER, null, List.of()))
                    .expectException(violates(Rule.EmptyDialogueAnswer, "comments"));
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()))
                    .when(answer(PROVIDER, null, List.of(longerTimeline)))
                    .expectEvents(new CommissionDraftDialogueAnswered(COMMISSION, SORMLAND, 1, 1, null, List.of(longerTimeline)));
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()))
                    .when(answer(PROVIDER, "Vi står bakom förslaget", List.of()))
                    .expectEvents(new CommissionDraftDialogueAnswered(COMMISSION, SORMLAND, 1, 1, "Vi står bakom förslaget", List.of()));
        }

        @Test
        void a_proposed_change_to_a_goal_names_one_of_the_drafts_goals_and_a_change_to_another_term_none() {
            expectAnswerRefused(new ProposedChange(ProposedChange.Term.GOAL, GoalId.of("g-waiting-times"), "Kortare väntetider"));
            expectAnswerRefused(new ProposedChange(ProposedChange.Term.GOAL, null, "Lägre målvärde"));
            expectAnswerRefused(new ProposedChange(ProposedChange.Term.PAYMENT, FEWER_COMPLICATIONS, "Mindre andel målrelaterad"));
        }

        @Test
        void a_draft_with_its_provider_is_neither_revised_nor_issued_until_the_provider_has_answered() {
            CommissionTerms revised = terms(List.of(COMPLICATIONS), LINKED, Set.of());
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()))
                    .when(new ReviseCommissionDraft(COMMISSION, SORMLAND, revised, null))
                    .expectException(violates(Rule.DraftDialogueAwaitsAnswer, "status"))
                    .expectNoEvents();
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()))
                    .when(new IssueCommission(COMMISSION, SORMLAND, "Hälso- och sjukvårdsnämnden", LocalDate.of(2026, 1, 20), null))
                    .expectException(violates(Rule.DraftDialogueAwaitsAnswer, "status"))
                    .expectNoEvents();
        }

        @Test
        void an_answered_draft_is_revised_and_sent_again_as_its_next_version_and_both_versions_are_kept() {
            CommissionTerms revised = terms(List.of(COMPLICATIONS), LINKED, Set.of());
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()), answered(1, 1))
                    .when(new ReviseCommissionDraft(COMMISSION, SORMLAND, revised, null))
                    .expectEvents(new CommissionDraftRevised(COMMISSION, SORMLAND, revised, Set.of()));
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()), answered(1, 1),
                            new CommissionDraftRevised(COMMISSION, SORMLAND, revised, Set.of()))
                    .when(new SendDraftForDialogue(COMMISSION, SORMLAND, null))
                    .expectEvents(sentForDialogue(2, 2, revised))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void a_version_the_provider_has_answered_goes_back_to_it_only_once_revised() {
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()), answered(1, 1))
                    .when(new SendDraftForDialogue(COMMISSION, SORMLAND, null))
                    .expectException(violates(Rule.DraftUnchangedSinceDialogue, "status"))
                    .expectNoEvents();
        }

        @Test
        void a_draft_whose_dialogue_is_answered_is_issued_as_it_stands() {
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()), answered(1, 1))
                    .when(new IssueCommission(COMMISSION, SORMLAND, "Hälso- och sjukvårdsnämnden", LocalDate.of(2026, 1, 20), null))
                    .expectEvents(issued());
        }

        @Test
        void a_draft_is_sent_and_answered_only_through_its_own_regions_path() {
            fixture.given(drafted(), issued())
                    .when(new SendDraftForDialogue(COMMISSION, SORMLAND, null))
                    .expectException(violates(Rule.CommissionNotDraft));
            fixture.given(drafted())
                    .when(new SendDraftForDialogue(COMMISSION, RegionCode.of("skane"), null))
                    .expectException(violates(Rule.CommissionNotInRegion));
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()))
                    .when(new AnswerDraftDialogue(COMMISSION, RegionCode.of("skane"), "Vi tar det", List.of(), PROVIDER, null))
                    .expectException(violates(Rule.CommissionNotInRegion));
        }

        private void expectAnswerRefused(ProposedChange change) {
            fixture.given(drafted(), sentForDialogue(1, 1, drafted().terms()))
                    .when(answer(PROVIDER, "Se förslagen", List.of(longerTimeline, change)))
                    .expectException(violates(Rule.ProposedChangeOfUnknownGoal, "proposedChanges[1].goalId"))
                    .expectNoEvents();
        }

        private CommissionDraftSentForDialogue sentForDialogue(int round, int draftVersion, CommissionTerms terms) {
            return new CommissionDraftSentForDialogue(COMMISSION, SORMLAND, round, draftVersion, terms);
        }

        private CommissionDraftDialogueAnswered answered(int round, int draftVersion) {
            return new CommissionDraftDialogueAnswered(COMMISSION, SORMLAND, round, draftVersion, "Tidsplanen är snäv", List.of(longerTimeline));
        }

        private AnswerDraftDialogue answer(Provider provider, String comments, List<ProposedChange> changes) {
            return new AnswerDraftDialogue(COMMISSION, SORMLAND, comments, changes, provider, null);
        }
    }

    /** "Skilj på om det rör uppdrag i samverkan mellan huvudmän eller inom egna organisationen." */
    @Nested
    class JointCommissions {

        private final Principal eskilstuna = new Principal(Principal.Kind.MUNICIPALITY, "Eskilstuna kommun", null);
        private final Principal orebro = new Principal(Principal.Kind.REGION, "Region Örebro län", RegionCode.of("orebro"));

        @Test
        void a_commission_shared_with_a_municipality_and_another_region_is_drafted_as_joint() {
            expectDraftedWith(withCollaboration(new Collaboration(Collaboration.Scope.JOINT, List.of(eskilstuna, orebro))));
        }

        @Test
        void terms_that_say_nothing_of_collaboration_lie_within_the_regions_own_organisation() {
            assertThat(drafted().terms().collaboration()).isEqualTo(Collaboration.OWN_ORGANISATION);
        }

        @Test
        void a_draft_is_revised_into_a_joint_commission() {
            CommissionTerms joint = withCollaboration(new Collaboration(Collaboration.Scope.JOINT, List.of(eskilstuna)));
            fixture.given(drafted())
                    .when(new ReviseCommissionDraft(COMMISSION, SORMLAND, joint, null))
                    .expectEvents(new CommissionDraftRevised(COMMISSION, SORMLAND, joint, Set.of()));
        }

        @Test
        void a_joint_commission_names_whom_it_is_shared_with_and_one_of_the_own_organisation_nobody() {
            expectDraftRefused(withCollaboration(new Collaboration(Collaboration.Scope.JOINT, List.of())),
                    Rule.JointCommissionWithoutPrincipal, "collaboration.principals");
            expectDraftRefused(withCollaboration(new Collaboration(Collaboration.Scope.OWN_ORGANISATION, List.of(eskilstuna))),
                    Rule.OwnOrganisationCommissionWithPrincipal, "collaboration.principals");
        }

        @Test
        void a_municipality_is_given_by_its_name_and_a_region_by_its_code() {
            expectRefusedPrincipal(new Principal(Principal.Kind.MUNICIPALITY, " ", null), Rule.PrincipalIncomplete);
            expectRefusedPrincipal(new Principal(Principal.Kind.OTHER, null, null), Rule.PrincipalIncomplete);
            expectRefusedPrincipal(new Principal(Principal.Kind.MUNICIPALITY, "Örebro kommun", RegionCode.of("orebro")), Rule.PrincipalIncomplete);
            expectRefusedPrincipal(new Principal(Principal.Kind.REGION, "Region Örebro län", null), Rule.PrincipalIncomplete);
            expectDraftedWith(withCollaboration(new Collaboration(Collaboration.Scope.JOINT,
                    List.of(new Principal(Principal.Kind.REGION, null, RegionCode.of("orebro"))))));
        }

        @Test
        void the_commissioning_region_does_not_share_a_commission_with_itself() {
            expectRefusedPrincipal(new Principal(Principal.Kind.REGION, null, SORMLAND), Rule.PrincipalIsTheRegionItself);
        }

        @Test
        void each_principal_is_named_once_and_a_region_whatever_it_is_called() {
            expectRefusedPrincipal(eskilstuna, Rule.PrincipalNamedTwice);
            expectRefusedPrincipal(new Principal(Principal.Kind.REGION, "Örebro", RegionCode.of("orebro")), Rule.PrincipalNamedTwice);
        }

        /** The principal comes third, after {@code eskilstuna} and {@code orebro}. */
        private void expectRefusedPrincipal(Principal principal, Rule rule) {
            expectDraftRefused(withCollaboration(new Collaboration(Collaboration.Scope.JOINT, List.of(eskilstuna, orebro, principal))),
                    rule, "collaboration.principals[2]");
        }

        private void expectDraftRefused(CommissionTerms terms, Rule rule, String field) {
            fixture.givenNoPriorActivity()
                    .when(draft(terms))
                    .expectException(violates(rule, field))
                    .expectNoEvents();
        }

        private CommissionTerms withCollaboration(Collaboration collaboration) {
            CommissionTerms terms = terms(List.of(COMPLICATIONS), LINKED, Set.of());
            return new CommissionTerms(ROUND, terms.needIds(), terms.provider(), terms.description(), terms.kindsOfEffort(),
                    terms.goals(), terms.start(), terms.end(), terms.followUpPlan(), terms.payment(), Set.of(), collaboration);
        }
    }

    private void expectDraftedWith(CommissionTerms terms, CommissionWarning... warnings) {
        fixture.givenNoPriorActivity()
                .when(draft(terms))
                .expectEvents(new CommissionDrafted(COMMISSION, SORMLAND, terms, Set.of(warnings)));
    }

    private static CommissionTerms termsWithGoal(Goal goal) {
        CommissionTerms terms = terms(List.of(COMPLICATIONS), LINKED, Set.of());
        return new CommissionTerms(ROUND, terms.needIds(), terms.provider(), terms.description(), terms.kindsOfEffort(),
                List.of(goal), terms.start(), terms.end(), terms.followUpPlan(), terms.payment(), Set.of(), null);
    }

    private void expectDraftRefused(CommissionTerms terms, Rule rule) {
        fixture.givenNoPriorActivity()
                .when(draft(terms))
                .expectException(violates(rule))
                .expectNoEvents();
    }

    private static CommissionTerms terms(List<FollowUpIndicator> plan, PaymentModel payment, Set<GoalId> beyondCare) {
        return new CommissionTerms(ROUND, Set.of(DIABETES), PROVIDER, "Strukturerad diabetesvård",
                Set.of(KindOfEffort.TREATMENT, KindOfEffort.PREVENTIVE), List.of(COMPLICATIONS_HALVED),
                LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31), plan, payment, beyondCare, null);
    }

    private static DraftCommission draft(CommissionTerms terms) {
        return new DraftCommission(COMMISSION, SORMLAND, terms);
    }

    private static CommissionDrafted drafted() {
        return new CommissionDrafted(COMMISSION, SORMLAND, terms(List.of(COMPLICATIONS, HBA1C_TESTS), LINKED, Set.of()), Set.of());
    }

    private static CommissionIssued issued() {
        return new CommissionIssued(COMMISSION, SORMLAND, "Hälso- och sjukvårdsnämnden", LocalDate.of(2026, 1, 20), Set.of());
    }

    private static CommissionAccepted accepted() {
        return new CommissionAccepted(COMMISSION, SORMLAND);
    }

    private static OutcomeRecorded firstOutcome() {
        return new OutcomeRecorded(COMMISSION, SORMLAND, OutcomeId.of("o-1"), COMPLICATION_RATE, Period.of("2026"),
                new BigDecimal("16"), "NDR", null, FEWER_COMPLICATIONS, new BigDecimal("0.4"));
    }

    private static RecordOutcome outcome(String outcomeId, FollowUpIndicatorId indicator, String period, String value) {
        return groupOutcome(outcomeId, indicator, period, value, null);
    }

    private static RecordOutcome groupOutcome(String outcomeId, FollowUpIndicatorId indicator, String period, String value, String group) {
        return new RecordOutcome(COMMISSION, SORMLAND, OutcomeId.of(outcomeId), indicator, Period.of(period), new BigDecimal(value), "NDR",
                group, null, null);
    }
}

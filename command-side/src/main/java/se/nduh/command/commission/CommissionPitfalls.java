package se.nduh.command.commission;

import se.nduh.kernel.commission.Collaboration;
import se.nduh.kernel.commission.CommissionTerms;
import se.nduh.kernel.commission.CommissionWarning;
import se.nduh.kernel.commission.FollowUpIndicator;
import se.nduh.kernel.commission.FollowUpLevel;
import se.nduh.kernel.commission.Frequency;
import se.nduh.kernel.commission.Goal;
import se.nduh.kernel.commission.GoalId;
import se.nduh.kernel.commission.PaymentModel;
import se.nduh.kernel.commission.Perspective;
import se.nduh.kernel.commission.Principal;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.rule.Rule;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The seeds' commissioning pitfalls, checked on a commission's terms wherever they are set: by the aggregate, and by the
 * drafting check that answers as drafting would while the terms are still being written, storing nothing.
 */
final class CommissionPitfalls {

    private CommissionPitfalls() {
    }

    /** A draft is for needs the named round's decision prioritised ({@code prioritisedNeeds}), and usable. */
    static void requireDraftable(CommissionTerms terms, RegionCode region, Set<NeedId> prioritisedNeeds) {
        if (terms.needIds().isEmpty() || !prioritisedNeeds.containsAll(terms.needIds())) {
            throw Rule.CommissionForUndecidedNeed.violation("needIds");
        }
        requireUsable(terms, region);
    }

    /**
     * The seeds' pitfalls that make a commission unusable: no goals, a timeline that ends before it starts, or a
     * follow-up plan or payment not linked to its goals; and principals that do not say who shares it.
     */
    static void requireUsable(CommissionTerms terms, RegionCode region) {
        if (terms.goals().isEmpty()) {
            throw Rule.NoGoals.violation("goals");
        }
        if (terms.end().isBefore(terms.start())) {
            throw Rule.TimelineEndsBeforeItStarts.violation("end");
        }
        if (terms.followUpPlan().isEmpty()) {
            throw Rule.NoFollowUpPlan.violation("followUpPlan");
        }
        Set<GoalId> goals = goalIds(terms);
        Set<GoalId> measured = terms.followUpPlan().stream().map(FollowUpIndicator::goalId)
                .filter(goal -> goal != null).collect(Collectors.toSet());
        if (!goals.containsAll(measured)) {
            throw Rule.FollowUpIndicatorOfUnknownGoal.violation("followUpPlan");
        }
        if (!measured.containsAll(goals)) {
            throw Rule.CommissionGoalNotFollowedUp.violation("followUpPlan");
        }
        PaymentModel payment = terms.payment();
        if (payment.kind() == PaymentModel.Kind.ACTIVE
                && (payment.linkedGoalIds().isEmpty() || !goals.containsAll(payment.linkedGoalIds()))) {
            throw Rule.PaymentNotLinkedToGoals.violation("payment.linkedGoalIds");
        }
        requireKnownPrincipals(terms.collaboration(), region);
    }

    /** "Skilj på om det rör uppdrag i samverkan mellan huvudmän eller inom egna organisationen": which it is, and with whom. */
    private static void requireKnownPrincipals(Collaboration collaboration, RegionCode region) {
        List<Principal> principals = collaboration.principals();
        if (collaboration.scope() == Collaboration.Scope.OWN_ORGANISATION) {
            if (!principals.isEmpty()) {
                throw Rule.OwnOrganisationCommissionWithPrincipal.violation("collaboration.principals");
            }
            return;
        }
        if (principals.isEmpty()) {
            throw Rule.JointCommissionWithoutPrincipal.violation("collaboration.principals");
        }
        Set<Principal> named = new HashSet<>();
        for (int i = 0; i < principals.size(); i++) {
            Principal principal = principals.get(i);
            String field = "collaboration.principals[" + i + "]";
            boolean complete = principal.kind() == Principal.Kind.REGION ? principal.region() != null
                    : principal.region() == null && principal.name() != null && !principal.name().isBlank();
            if (!complete) {
                throw Rule.PrincipalIncomplete.violation(field);
            }
            if (region.equals(principal.region())) {
                throw Rule.PrincipalIsTheRegionItself.violation(field);
            }
            // a region is one principal whatever name it is given
            if (!named.add(principal.kind() == Principal.Kind.REGION ? new Principal(principal.kind(), null, principal.region()) : principal)) {
                throw Rule.PrincipalNamedTwice.violation(field);
            }
        }
    }

    static Set<GoalId> goalIds(CommissionTerms terms) {
        return terms.goals().stream().map(Goal::goalId).collect(Collectors.toSet());
    }

    /**
     * The seeds' pitfalls a commission is accepted with, as warnings: followed up only at activity level, with no
     * population perspective, with a goal health care alone cannot move, leaving too much room for interpretation,
     * too detailed, or followed up at a pace that does not fit the indicator's level.
     */
    static Set<CommissionWarning> warningsOf(CommissionTerms terms) {
        Set<CommissionWarning> warnings = EnumSet.noneOf(CommissionWarning.class);
        if (terms.followUpPlan().stream().allMatch(indicator -> indicator.level() == FollowUpLevel.ACTIVITY)) {
            warnings.add(CommissionWarning.FOLLOW_UP_ONLY_AT_ACTIVITY_LEVEL);
        }
        if (terms.followUpPlan().stream().noneMatch(indicator -> indicator.perspective() == Perspective.POPULATION)) {
            warnings.add(CommissionWarning.NO_POPULATION_PERSPECTIVE);
        }
        if (!terms.goalsBeyondHealthCare().isEmpty()) {
            warnings.add(CommissionWarning.GOAL_BEYOND_HEALTH_CARE);
        }
        if (terms.goals().stream().anyMatch(goal -> asksNoChange(goal) || dueAfterTheEnd(goal, terms))) {
            warnings.add(CommissionWarning.TOO_OPEN_TO_INTERPRETATION);
        }
        // "Datasmarta": weekly data is the team's own, to check it gets done; a commission asking for it is too detailed.
        if (terms.goals().stream().anyMatch(goal -> effectSteeredByActivities(goal, terms))
                || terms.followUpPlan().stream().anyMatch(indicator -> indicator.frequency() == Frequency.WEEK)) {
            warnings.add(CommissionWarning.TOO_DETAILED);
        }
        // "Datasmarta": each level has its pace; one step off is judgement, more is a plan that does not fit its level.
        // A weekly indicator is already too detailed (above), so it is not flagged twice.
        if (terms.followUpPlan().stream().anyMatch(indicator -> indicator.frequency() != Frequency.WEEK
                && indicator.level().stepsFrom(indicator.frequency()) > 1)) {
            warnings.add(CommissionWarning.FOLLOW_UP_FREQUENCY_UNFIT_FOR_LEVEL);
        }
        return warnings;
    }

    /** "För stort utrymme för egen tolkning": a target equal to the baseline says nothing about what is to change. */
    private static boolean asksNoChange(Goal goal) {
        return goal.target().compareTo(goal.baseline()) == 0;
    }

    /** "För stort utrymme för egen tolkning": whether a goal due after the end was reached is read, not measured, at evaluation. */
    private static boolean dueAfterTheEnd(Goal goal, CommissionTerms terms) {
        return goal.targetDate().isAfter(terms.end());
    }

    /**
     * "För detaljerat": a goal followed up at effect level and also by activity indicators prescribes how, not only
     * what ("det som inte står i uppdraget görs inte"). Activity indicators that measure no goal are the team's own
     * follow-up and do not count.
     */
    private static boolean effectSteeredByActivities(Goal goal, CommissionTerms terms) {
        Set<FollowUpLevel> levels = terms.followUpPlan().stream().filter(indicator -> goal.goalId().equals(indicator.goalId()))
                .map(FollowUpIndicator::level).collect(Collectors.toSet());
        return levels.contains(FollowUpLevel.EFFECT) && levels.contains(FollowUpLevel.ACTIVITY);
    }
}

package se.nduh.command.commission;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import se.nduh.infrastructure.eventstore.KernelCommandTargetResolver;
import se.nduh.kernel.commission.AcceptCommission;
import se.nduh.kernel.commission.AgreePlanRevision;
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
import se.nduh.kernel.commission.AnswerDraftDialogue;
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
import se.nduh.kernel.commission.FollowUpIndicator;
import se.nduh.kernel.commission.FollowUpIndicatorId;
import se.nduh.kernel.commission.FollowUpLevel;
import se.nduh.kernel.commission.Frequency;
import se.nduh.kernel.commission.Goal;
import se.nduh.kernel.commission.GoalId;
import se.nduh.kernel.commission.IssueCommission;
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
import se.nduh.kernel.experience.ContactRole;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.rule.Rule;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A commission (uppdrag) to a provider, from draft to evaluation, with its follow-up: the seeds' pitfalls are
 * checked whenever the terms are set, the ones that make a commission unusable refused, the others kept as
 * warnings. Which needs a decided round prioritised arrives with the draft, read by {@link CommissionCommands}.
 * Before the decision the draft may go to its provider for dialogue, round after round; while the provider has not
 * answered, it is neither revised nor issued, so that each answer concerns the version it was sent, unless the region
 * withdraws that round. Once accepted, either side may propose to revise its plan (goals, follow-up plan, payment), one
 * proposal at a time, which the elected officials agree to or decline; outcomes are checked against the plan as it
 * stands and carry the version they were recorded under.
 */
@Aggregate(commandTargetResolver = KernelCommandTargetResolver.BEAN_NAME)
class Commission {

    enum Status { DRAFT, ISSUED, ACCEPTED, CLOSED }

    @AggregateIdentifier
    private CommissionId id;
    private RegionCode region;
    private CommissionTerms terms;
    private Status status;
    /** 1 as drafted, one more for each revision: the version a dialogue round is about. */
    private int draftVersion;
    private int dialogueRounds;
    /** The draft version last sent for dialogue, 0 before the first. */
    private int draftVersionInDialogue;
    private boolean dialogueAwaitsAnswer;
    /** 1 as accepted, one more for each agreed plan revision. */
    private int planVersion;
    /** Plan revisions proposed so far; the open one, if any, is the last. */
    private int planRevisions;
    private PlanParty openRevisionParty;
    private RevisedPlan openRevisionPlan;
    private String openRevisionReason;
    /** The outcome currently standing for each indicator and period, so a correction can name what it supersedes. */
    private final Map<String, OutcomeRecorded> outcomes = new HashMap<>();

    Commission() {
        // for Axon: rebuilt from its events
    }

    /** Drafts the commission; {@code prioritisedNeeds} are the needs the named round's decision prioritised. */
    Commission(DraftCommission command, Set<NeedId> prioritisedNeeds) {
        CommissionTerms terms = command.terms();
        CommissionPitfalls.requireDraftable(terms, command.region(), prioritisedNeeds);
        apply(new CommissionDrafted(command.commissionId(), command.region(), terms, CommissionPitfalls.warningsOf(terms)));
    }

    @CommandHandler
    long handle(ReviseCommissionDraft command) {
        requireStatus(command.region(), Status.DRAFT, Rule.CommissionNotDraft);
        if (!command.terms().needIds().equals(terms.needIds()) || !command.terms().roundId().equals(terms.roundId())) {
            throw Rule.CommissionForUndecidedNeed.violation("needIds");
        }
        if (!command.terms().equals(terms)) {
            requireNoDialogueAwaitingAnswer();
            CommissionPitfalls.requireUsable(command.terms(), region);
            apply(new CommissionDraftRevised(id, region, command.terms(), CommissionPitfalls.warningsOf(command.terms())));
        }
        return version();
    }

    @CommandHandler
    long handle(IssueCommission command) {
        requireStatus(command.region(), Status.DRAFT, Rule.CommissionNotDraft);
        requireNoDialogueAwaitingAnswer();
        // A draft stored before a rule was added meets it here, before it goes out.
        CommissionPitfalls.requireUsable(terms, region);
        apply(new CommissionIssued(id, region, command.decidedBy(), command.decisionDate(), CommissionPitfalls.warningsOf(terms)));
        return version();
    }

    @CommandHandler
    long handle(SendDraftForDialogue command) {
        requireStatus(command.region(), Status.DRAFT, Rule.CommissionNotDraft);
        if (dialogueAwaitsAnswer) {
            // the harmless repeat: this very version is already with the provider
            return version();
        }
        if (draftVersionInDialogue == draftVersion) {
            throw Rule.DraftUnchangedSinceDialogue.violation("status");
        }
        apply(new CommissionDraftSentForDialogue(id, region, dialogueRounds + 1, draftVersion, terms));
        return version();
    }

    @CommandHandler
    long handle(AnswerDraftDialogue command) {
        requireStatus(command.region(), Status.DRAFT, Rule.NoDraftDialogueAwaitingAnswer);
        if (!dialogueAwaitsAnswer) {
            throw Rule.NoDraftDialogueAwaitingAnswer.violation("status");
        }
        requireAddressed(command.actingProvider());
        if ((command.comments() == null || command.comments().isBlank()) && command.proposedChanges().isEmpty()) {
            throw Rule.EmptyDialogueAnswer.violation("comments");
        }
        Set<GoalId> goals = CommissionPitfalls.goalIds(terms);
        List<ProposedChange> changes = command.proposedChanges();
        for (int i = 0; i < changes.size(); i++) {
            ProposedChange change = changes.get(i);
            boolean toAGoal = change.term() == ProposedChange.Term.GOAL;
            if (toAGoal ? !goals.contains(change.goalId()) : change.goalId() != null) {
                throw Rule.ProposedChangeOfUnknownGoal.violation("proposedChanges[" + i + "].goalId");
            }
        }
        apply(new CommissionDraftDialogueAnswered(id, region, dialogueRounds, draftVersionInDialogue, command.comments(), changes));
        return version();
    }

    @CommandHandler
    long handle(WithdrawDraftFromDialogue command) {
        requireStatus(command.region(), Status.DRAFT, Rule.DialogueRoundNotAwaitingAnswer);
        if (!dialogueAwaitsAnswer) {
            throw Rule.DialogueRoundNotAwaitingAnswer.violation("status");
        }
        requireReason(command.reason(), "reason");
        apply(new CommissionDraftDialogueWithdrawn(id, region, dialogueRounds, draftVersionInDialogue, command.reason(), command.withdrawnBy()));
        return version();
    }

    @CommandHandler
    long handle(ProposePlanRevision command) {
        requireStatus(command.region(), Status.ACCEPTED, Rule.PlanRevisedOnlyDuringFollowUp);
        PlanParty party = partyOf(command.actingProvider());
        if (openRevisionPlan != null) {
            if (openRevisionParty == party && openRevisionPlan.equals(command.plan()) && openRevisionReason.equals(command.reason())) {
                // the harmless repeat: this very proposal is already open
                return version();
            }
            throw Rule.PlanRevisionAlreadyOpen.violation("status");
        }
        requireReason(command.reason(), "reason");
        if (command.plan().equals(RevisedPlan.of(terms))) {
            throw Rule.PlanRevisionChangesNothing.violation("plan");
        }
        CommissionTerms revised = command.plan().applyTo(terms);
        CommissionPitfalls.requireUsable(revised, region);
        apply(new CommissionPlanRevisionProposed(id, region, planRevisions + 1, command.plan(), CommissionPitfalls.warningsOf(revised), command.reason(),
                command.proposedBy(), party));
        return version();
    }

    @CommandHandler
    long handle(AgreePlanRevision command) {
        requireOpenRevision(command.region());
        CommissionTerms revised = openRevisionPlan.applyTo(terms);
        CommissionPitfalls.requireUsable(revised, region);
        apply(new CommissionPlanRevisionAgreed(id, region, planRevisions, planVersion + 1, revised, CommissionPitfalls.warningsOf(revised), command.agreedBy()));
        return version();
    }

    @CommandHandler
    long handle(DeclinePlanRevision command) {
        requireOpenRevision(command.region());
        requireReason(command.reason(), "reason");
        apply(new CommissionPlanRevisionDeclined(id, region, planRevisions, command.reason(), command.declinedBy()));
        return version();
    }

    @CommandHandler
    long handle(WithdrawPlanRevision command) {
        requireOpenRevision(command.region());
        if (partyOf(command.actingProvider()) != openRevisionParty) {
            throw Rule.PlanRevisionOfTheOtherSide.violation("status");
        }
        apply(new CommissionPlanRevisionWithdrawn(id, region, planRevisions, command.withdrawnBy()));
        return version();
    }

    @CommandHandler
    long handle(AcceptCommission command) {
        requireStatus(command.region(), Status.ISSUED, Rule.CommissionNotIssued);
        requireAddressed(command.actingProvider());
        apply(new CommissionAccepted(id, region));
        return version();
    }

    @CommandHandler
    long handle(RequestCommissionChanges command) {
        requireStatus(command.region(), Status.ISSUED, Rule.CommissionNotIssued);
        requireAddressed(command.actingProvider());
        apply(new CommissionChangesRequested(id, region, command.requestedChanges()));
        return version();
    }

    @CommandHandler
    long handle(RecordOutcome command) {
        requireStatus(command.region(), Status.ACCEPTED, Rule.CommissionNotActive);
        if (command.actingProvider() != null) {
            requireAddressed(command.actingProvider());
        }
        FollowUpIndicator indicator = terms.followUpPlan().stream()
                .filter(candidate -> candidate.indicatorId().equals(command.indicatorId()))
                .findFirst()
                .orElseThrow(() -> Rule.OutcomeIndicatorNotInPlan.violation("indicatorId"));
        if (!command.period().overlaps(terms.start(), terms.end())) {
            throw Rule.OutcomePeriodOutsideTimeline.violation("period");
        }
        if (command.group() != null && ContactRole.looksPersonal(command.group())) {
            throw Rule.InequityGroupIsAPerson.violation("group");
        }
        OutcomeRecorded standing = outcomes.get(key(command.indicatorId(), command.period().value(), command.group()));
        if (standing != null && standing.value().compareTo(command.value()) == 0 && standing.source().equals(command.source())) {
            return version();
        }
        // The goal is the whole population's: a group's outcome is followed up beside it, not measured against it.
        Optional<Goal> goal = command.group() == null ? goalOf(indicator) : Optional.empty();
        apply(new OutcomeRecorded(id, region, command.outcomeId(), command.indicatorId(), command.period(), command.value(),
                command.source(), standing == null ? null : standing.outcomeId(), goal.map(Goal::goalId).orElse(null),
                goal.map(measured -> measured.fulfilment(command.value())).orElse(null), planVersion, command.group()));
        return version();
    }

    @CommandHandler
    long handle(CloseCommission command) {
        requireStatus(command.region(), Status.ACCEPTED, Rule.CommissionNotActive);
        if (openRevisionPlan != null) {
            throw Rule.PlanRevisionAlreadyOpen.violation("status");
        }
        apply(new CommissionClosed(id, region, command.evaluation(), command.why(), command.findings()));
        return version();
    }

    @EventSourcingHandler
    void on(CommissionDrafted event) {
        this.id = event.commissionId();
        this.region = event.region();
        this.terms = event.terms();
        this.status = Status.DRAFT;
        this.draftVersion = 1;
    }

    @EventSourcingHandler
    void on(CommissionDraftRevised event) {
        this.terms = event.terms();
        this.draftVersion++;
    }

    @EventSourcingHandler
    void on(CommissionDraftSentForDialogue event) {
        this.dialogueRounds = event.round();
        this.draftVersionInDialogue = event.draftVersion();
        this.dialogueAwaitsAnswer = true;
    }

    @EventSourcingHandler
    void on(CommissionDraftDialogueAnswered event) {
        this.dialogueAwaitsAnswer = false;
    }

    @EventSourcingHandler
    void on(CommissionDraftDialogueWithdrawn event) {
        this.dialogueAwaitsAnswer = false;
        // the provider never answered this version: it may be sent again as it is
        this.draftVersionInDialogue = 0;
    }

    @EventSourcingHandler
    void on(CommissionPlanRevisionProposed event) {
        this.planRevisions = event.revision();
        this.openRevisionParty = event.party();
        this.openRevisionPlan = event.plan();
        this.openRevisionReason = event.reason();
    }

    @EventSourcingHandler
    void on(CommissionPlanRevisionAgreed event) {
        this.terms = event.terms();
        this.planVersion = event.planVersion();
        closeRevision();
    }

    @EventSourcingHandler
    void on(CommissionPlanRevisionDeclined event) {
        closeRevision();
    }

    @EventSourcingHandler
    void on(CommissionPlanRevisionWithdrawn event) {
        closeRevision();
    }

    private void closeRevision() {
        this.openRevisionParty = null;
        this.openRevisionPlan = null;
        this.openRevisionReason = null;
    }

    @EventSourcingHandler
    void on(CommissionIssued event) {
        this.status = Status.ISSUED;
    }

    @EventSourcingHandler
    void on(CommissionAccepted event) {
        this.status = Status.ACCEPTED;
        this.planVersion = 1;
    }

    @EventSourcingHandler
    void on(CommissionChangesRequested event) {
        this.status = Status.DRAFT;
    }

    @EventSourcingHandler
    void on(OutcomeRecorded event) {
        outcomes.put(key(event.indicatorId(), event.period().value(), event.group()), event);
    }

    @EventSourcingHandler
    void on(CommissionClosed event) {
        this.status = Status.CLOSED;
    }

    private Optional<Goal> goalOf(FollowUpIndicator indicator) {
        return terms.goals().stream().filter(goal -> goal.goalId().equals(indicator.goalId())).findFirst();
    }

    private void requireStatus(RegionCode commandRegion, Status required, Rule otherwise) {
        if (!region.equals(commandRegion)) {
            throw Rule.CommissionNotInRegion.violation("commissionId");
        }
        if (status != required) {
            throw otherwise.violation("status");
        }
    }

    private void requireNoDialogueAwaitingAnswer() {
        if (dialogueAwaitsAnswer) {
            throw Rule.DraftDialogueAwaitsAnswer.violation("status");
        }
    }

    private void requireOpenRevision(RegionCode commandRegion) {
        requireStatus(commandRegion, Status.ACCEPTED, Rule.NoPlanRevisionOpen);
        if (openRevisionPlan == null) {
            throw Rule.NoPlanRevisionOpen.violation("status");
        }
    }

    /** The region's civil servants act for the region ({@code null}); a provider's staff only for the addressed provider. */
    private PlanParty partyOf(Provider actingProvider) {
        if (actingProvider == null) {
            return PlanParty.REGION;
        }
        requireAddressed(actingProvider);
        return PlanParty.PROVIDER;
    }

    private static void requireReason(String reason, String field) {
        if (reason == null || reason.isBlank()) {
            throw Rule.ReasonMissing.violation(field);
        }
    }

    private void requireAddressed(Provider provider) {
        if (!terms.provider().equals(provider)) {
            throw Rule.NotTheAddressedProvider.violation("provider");
        }
    }

    private static String key(FollowUpIndicatorId indicatorId, String period, String group) {
        return indicatorId + "|" + period + "|" + (group == null ? "" : group);
    }

    private static long version() {
        return AggregateLifecycle.getVersion();
    }
}

package se.nduh.query.commission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import se.nduh.kernel.commission.CommissionAccepted;
import se.nduh.kernel.commission.CommissionChangesRequested;
import se.nduh.kernel.commission.CommissionClosed;
import se.nduh.kernel.commission.CommissionDraftDialogueAnswered;
import se.nduh.kernel.commission.CommissionDraftDialogueWithdrawn;
import se.nduh.kernel.commission.CommissionPlanRevisionAgreed;
import se.nduh.kernel.commission.CommissionPlanRevisionDeclined;
import se.nduh.kernel.commission.CommissionPlanRevisionProposed;
import se.nduh.kernel.commission.CommissionPlanRevisionWithdrawn;
import se.nduh.kernel.commission.CommissionDraftRevised;
import se.nduh.kernel.commission.CommissionDraftSentForDialogue;
import se.nduh.kernel.commission.CommissionDrafted;
import se.nduh.kernel.commission.CommissionIssued;
import se.nduh.kernel.commission.OutcomeRecorded;
import se.nduh.query.readmodel.ReadModelStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the commission board (one document per commission) and the outcome series (one document per recorded
 * value, a corrected one marked superseded). Board updates are guarded by the commission's event sequence;
 * outcomes are keyed by their own id, so a redelivery writes the same document again.
 */
@Component
@ProcessingGroup(CommissionProjection.PROCESSOR)
class CommissionProjection {

    static final String PROCESSOR = "commissions";

    private final ReadModelStore<CommissionView> board;
    private final ReadModelStore<OutcomeView> outcomes;

    CommissionProjection(MongoDatabase readDatabase, ObjectMapper json) {
        this.board = new ReadModelStore<>(readDatabase.getCollection("commissions"), CommissionView.class, json);
        this.outcomes = new ReadModelStore<>(readDatabase.getCollection("outcomes"), OutcomeView.class, json);
        board.index(List.of(Indexes.ascending("region", "draftedAt", "_id"))); // the board's pages, newest first
    }

    ReadModelStore<CommissionView> board() {
        return board;
    }

    ReadModelStore<OutcomeView> outcomes() {
        return outcomes;
    }

    /** A rebuild starts from an empty read model. */
    @ResetHandler
    void reset() {
        board.deleteAll().then(outcomes.deleteAll()).block(Duration.ofSeconds(30));
    }

    @EventHandler
    void on(CommissionDrafted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        board.upsert(event.commissionId().value(), sequence, new CommissionView(event.commissionId().value(),
                event.region().value(), event.terms(), CommissionView.Status.DRAFT, event.warnings(), null, null, List.of(),
                1, List.of(), null, null, null, at, at, null, null, List.of()));
    }

    @EventHandler
    void on(CommissionDraftRevised event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.commissionId().value(), sequence, at, Updates.set("terms", board.bson(event.terms())),
                Updates.set("warnings", board.bson(event.warnings())), Updates.inc("draftVersion", 1));
    }

    @EventHandler
    void on(CommissionDraftSentForDialogue event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.commissionId().value(), sequence, at, Updates.push("dialogue", board.bson(new CommissionView.DialogueRound(
                event.round(), event.draftVersion(), event.terms(), at, null, null, List.of(), null, null, null))));
    }

    @EventHandler
    void on(CommissionDraftDialogueAnswered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.commissionId().value(), sequence, at, List.of(Filters.eq("answered.round", event.round())),
                Updates.set("dialogue.$[answered].answeredAt", board.bson(at)),
                Updates.set("dialogue.$[answered].comments", event.comments()),
                Updates.set("dialogue.$[answered].proposedChanges", board.bson(event.proposedChanges())));
    }

    @EventHandler
    void on(CommissionDraftDialogueWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.commissionId().value(), sequence, at, List.of(Filters.eq("withdrawn.round", event.round())),
                Updates.set("dialogue.$[withdrawn].withdrawnAt", board.bson(at)),
                Updates.set("dialogue.$[withdrawn].withdrawalReason", event.reason()),
                Updates.set("dialogue.$[withdrawn].withdrawnBy", event.withdrawnBy()));
    }

    @EventHandler
    void on(CommissionPlanRevisionProposed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.commissionId().value(), sequence, at, Updates.push("planRevisions", board.bson(new CommissionView.PlanRevision(
                event.revision(), event.plan(), event.warnings(), event.reason(), event.proposedBy(), event.party(), at,
                CommissionView.PlanRevisionStatus.OPEN, null, null, null, null))));
    }

    @EventHandler
    void on(CommissionPlanRevisionAgreed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        settle(event.commissionId().value(), sequence, at, event.revision(), CommissionView.PlanRevisionStatus.AGREED, event.agreedBy(),
                Updates.set("terms", board.bson(event.terms())), Updates.set("warnings", board.bson(event.warnings())),
                Updates.set("planVersion", event.planVersion()),
                Updates.set("planRevisions.$[settled].planVersion", event.planVersion()));
    }

    @EventHandler
    void on(CommissionPlanRevisionDeclined event, @SequenceNumber long sequence, @Timestamp Instant at) {
        settle(event.commissionId().value(), sequence, at, event.revision(), CommissionView.PlanRevisionStatus.DECLINED, event.declinedBy(),
                Updates.set("planRevisions.$[settled].declineReason", event.reason()));
    }

    @EventHandler
    void on(CommissionPlanRevisionWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        settle(event.commissionId().value(), sequence, at, event.revision(), CommissionView.PlanRevisionStatus.WITHDRAWN, event.withdrawnBy());
    }

    @EventHandler
    void on(CommissionIssued event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.commissionId().value(), sequence, at, status(CommissionView.Status.ISSUED),
                Updates.set("issuedBy", event.decidedBy()), Updates.set("issuedOn", board.bson(event.decisionDate())),
                Updates.set("warnings", board.bson(event.warnings())));
    }

    @EventHandler
    void on(CommissionAccepted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.commissionId().value(), sequence, at, status(CommissionView.Status.ACCEPTED),
                Updates.set("acceptedAt", board.bson(at)), Updates.set("planVersion", 1));
    }

    @EventHandler
    void on(CommissionChangesRequested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.commissionId().value(), sequence, at, status(CommissionView.Status.DRAFT),
                Updates.push("changeRequests", board.bson(new CommissionView.ChangeRequest(at, event.requestedChanges()))));
    }

    @EventHandler
    void on(CommissionClosed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.commissionId().value(), sequence, at, status(CommissionView.Status.CLOSED),
                Updates.set("evaluation", event.evaluation().name()), Updates.set("evaluationReason", event.why()),
                Updates.set("findings", board.bson(event.findings())));
    }

    @EventHandler
    void on(OutcomeRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        outcomes.upsert(event.outcomeId().value(), sequence, new OutcomeView(event.outcomeId(), event.commissionId().value(),
                event.region().value(), event.indicatorId(), event.period(), event.value(), event.source(), event.goalId(),
                event.goalFulfilment(), at, event.supersedes(), false, event.planVersion(), event.group()));
        if (event.supersedes() != null) {
            outcomes.updateWhere(Filters.eq("_id", event.supersedes().value()), Updates.set("superseded", true));
        }
        change(event.commissionId().value(), sequence, at);
    }

    private void change(String id, long sequence, Instant at, Bson... updates) {
        board.update(id, sequence, stamped(at, updates));
    }

    /** A change to the array elements the filters name. */
    private void change(String id, long sequence, Instant at, List<Bson> arrayFilters, Bson... updates) {
        board.update(id, sequence, stamped(at, updates), arrayFilters);
    }

    /** A proposed plan revision agreed, declined or withdrawn: its status, by whom and when, and what else the event changes. */
    private void settle(String id, long sequence, Instant at, int revision, CommissionView.PlanRevisionStatus status, String by,
                        Bson... more) {
        List<Bson> updates = new ArrayList<>(List.of(more));
        updates.add(Updates.set("planRevisions.$[settled].status", status.name()));
        updates.add(Updates.set("planRevisions.$[settled].settledBy", by));
        updates.add(Updates.set("planRevisions.$[settled].settledAt", board.bson(at)));
        change(id, sequence, at, List.of(Filters.eq("settled.revision", revision)), updates.toArray(Bson[]::new));
    }

    private Bson stamped(Instant at, Bson... updates) {
        return Updates.combine(Updates.combine(updates), Updates.set("lastChangedAt", board.bson(at)));
    }

    private Bson status(CommissionView.Status status) {
        return Updates.set("status", status.name());
    }
}

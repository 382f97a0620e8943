package se.nduh.query.need;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import se.nduh.kernel.need.EvidenceAttached;
import se.nduh.kernel.need.EvidenceWithdrawn;
import se.nduh.kernel.need.HealthInequityDescribed;
import se.nduh.kernel.need.HealthTargetSet;
import se.nduh.kernel.need.NeedAssessed;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.need.NeedRevised;
import se.nduh.kernel.need.NeedWithdrawn;
import se.nduh.kernel.priority.PrioritiesRanked;
import se.nduh.kernel.priority.RankedNeed;
import se.nduh.query.readmodel.ReadModelStore;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the need registry: one document per need, each event a partial update guarded by the need's event
 * sequence, times taken from the events, so a redelivery changes nothing and a replay gives the same documents.
 */
@Component
@ProcessingGroup(NeedProjection.PROCESSOR)
class NeedProjection {

    static final String PROCESSOR = "needs";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final ReadModelStore<NeedView> needs;
    private final ReadModelStore<RankedInRound> rankedInRounds;

    /** The needs a round's latest ranking placed, so that the next ranking finds those it leaves out by their ids. */
    record RankedInRound(Set<String> needs) {
    }

    NeedProjection(NeedRegistry registry, MongoDatabase readDatabase, ObjectMapper json) {
        this.needs = registry.store();
        this.rankedInRounds = new ReadModelStore<>(readDatabase.getCollection("needs_ranked_in_rounds"), RankedInRound.class, json);
    }

    /** A rebuild starts from an empty read model. */
    @ResetHandler
    void reset() {
        needs.deleteAll().then(rankedInRounds.deleteAll()).block(Duration.ofSeconds(30));
    }

    @EventHandler
    void on(NeedProposed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        needs.upsert(event.needId().value(), sequence, new NeedView(event.needId().value(), event.region().value(),
                event.title(), event.description(), event.needGroup(), event.kindsOfEffort(), event.indicator(), null, null,
                List.of(), null, false, null, List.of(), null, at, at,
                event.budgetYear() != null ? event.budgetYear() : at.atZone(SWEDEN).getYear(), null, null));
    }

    @EventHandler
    void on(HealthTargetSet event, @SequenceNumber long sequence, @Timestamp Instant at) {
        needs.update(event.needId().value(), sequence, Updates.combine(
                Updates.set("target", needs.bson(new NeedView.Target(event.target(), event.targetYear(), event.targetGroupGap()))),
                Updates.set("gap", needs.bson(event.gap())), changedAt(at)));
    }

    /** The latest breakdown, and each period's own (a breakdown of a period already described replaces it). */
    @EventHandler
    void on(HealthInequityDescribed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        needs.update(event.needId().value(), sequence,
                event.inequity().period() == null
                        ? Updates.combine(Updates.set("inequity", needs.bson(event.inequity())), changedAt(at))
                        : Updates.combine(Updates.set("inequity", needs.bson(event.inequity())),
                                Updates.set("inequityByPeriod." + event.inequity().period().value(), needs.bson(event.inequity())),
                                changedAt(at)));
    }

    @EventHandler
    void on(EvidenceAttached event, @SequenceNumber long sequence, @Timestamp Instant at) {
        needs.update(event.needId().value(), sequence, Updates.combine(Updates.push("evidence", needs.bson(
                new NeedView.Evidence(event.evidenceId().value(), event.kind(), event.source(), event.description(),
                        event.dataQuality(), event.politicalWeight(), false, null))), changedAt(at)));
    }

    @EventHandler
    void on(EvidenceWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        needs.update(event.needId().value(), sequence, Updates.combine(
                        Updates.set("evidence.$[item].withdrawn", true),
                        Updates.set("evidence.$[item].withdrawalReason", event.reason()), changedAt(at)),
                List.of(Filters.eq("item.evidenceId", event.evidenceId().value())));
    }

    @EventHandler
    void on(NeedAssessed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        needs.update(event.needId().value(), sequence,
                Updates.combine(Updates.set("assessment", needs.bson(event.assessment())), changedAt(at)));
    }

    @EventHandler
    void on(NeedRevised event, @SequenceNumber long sequence, @Timestamp Instant at) {
        needs.update(event.needId().value(), sequence, Updates.combine(
                Updates.set("title", event.title()), Updates.set("description", event.description()),
                Updates.set("needGroup", needs.bson(event.needGroup())),
                Updates.set("kindsOfEffort", needs.bson(event.kindsOfEffort())),
                Updates.set("indicator", needs.bson(event.indicator())), Updates.set("gap", needs.bson(event.gap())),
                Updates.push("revisions", needs.bson(new NeedView.Revision(at, event.change(), event.reason()))),
                changedAt(at)));
    }

    /**
     * A ranking sets each ranked need's priority level, guarded by the ranking version (the round's own
     * sequence, not the need's), and clears it from the needs the round's ranking before placed and this one left
     * out. The round's placed needs are written last: a ranking handled again after a failure finds the same ones.
     */
    @EventHandler
    void on(PrioritiesRanked event, @SequenceNumber long sequence) {
        String round = event.roundId().value();
        Set<String> ranked = new LinkedHashSet<>();
        for (RankedNeed place : event.ranking()) {
            ranked.add(place.needId().value());
            needs.updateWhere(Filters.and(Filters.eq("_id", place.needId().value()), olderRanking(round, event.rankingVersion())),
                    Updates.set("priority", needs.bson(new NeedView.Priority(round, event.rankingVersion(), place.priorityLevel()))));
        }
        Optional<RankedInRound> before = rankedInRounds.findById(round).blockOptional(READ_TIMEOUT);
        Bson leftOut;
        if (before.isPresent()) {
            Set<String> notAgain = new LinkedHashSet<>(before.get().needs());
            notAgain.removeAll(ranked);
            leftOut = Filters.in("_id", notAgain);
        } else {
            // A round first ranked before its placed needs were kept: its needs are searched for, once.
            leftOut = Filters.and(Filters.eq("region", event.region().value()), Filters.nin("_id", ranked));
        }
        needs.updateWhere(Filters.and(leftOut, Filters.eq("priority.roundId", round), Filters.lt("priority.rankingVersion", event.rankingVersion())),
                Updates.set("priority", null));
        rankedInRounds.upsert(round, sequence, new RankedInRound(ranked));
    }

    private static Bson olderRanking(String round, int version) {
        return Filters.or(Filters.eq("priority", null), Filters.ne("priority.roundId", round),
                Filters.lt("priority.rankingVersion", version));
    }

    @EventHandler
    void on(NeedWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        needs.update(event.needId().value(), sequence, Updates.combine(Updates.set("withdrawn", true),
                Updates.set("withdrawalReason", event.reason()), changedAt(at)));
    }

    private Bson changedAt(Instant at) {
        return Updates.set("lastChangedAt", needs.bson(at));
    }
}

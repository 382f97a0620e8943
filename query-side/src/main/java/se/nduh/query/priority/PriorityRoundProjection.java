package se.nduh.query.priority;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import se.nduh.kernel.priority.PrioritiesDecided;
import se.nduh.kernel.priority.PrioritiesRanked;
import se.nduh.kernel.priority.PriorityRoundOpened;
import se.nduh.kernel.priority.PriorityRoundReopened;
import se.nduh.query.priority.PriorityRoundView.RankingVersion;
import se.nduh.query.readmodel.ReadModelStore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the priority lists: each event a version-guarded partial update of its round's document, and each ranking
 * a document of its own (id {@code round/version}). A round's document keeps only the latest ranking, so that a round
 * ranked thousands of times stays a small document, written and read whole.
 */
@Component
@ProcessingGroup(PriorityRoundProjection.PROCESSOR)
class PriorityRoundProjection {

    static final String PROCESSOR = "priority-rounds";

    private final ReadModelStore<PriorityRoundView> rounds;
    private final ReadModelStore<RankingVersion> versions;

    PriorityRoundProjection(MongoDatabase readDatabase, ObjectMapper json) {
        this.rounds = new ReadModelStore<>(readDatabase.getCollection("priority_rounds"), PriorityRoundView.class, json);
        this.versions = new ReadModelStore<>(readDatabase.getCollection("priority_round_versions"), RankingVersion.class, json);
    }

    ReadModelStore<PriorityRoundView> store() {
        return rounds;
    }

    ReadModelStore<RankingVersion> versions() {
        return versions;
    }

    static String versionId(String roundId, int version) {
        return roundId + "/" + version;
    }

    /** A rebuild starts from an empty read model. */
    @ResetHandler
    void reset() {
        rounds.deleteAll().then(versions.deleteAll()).block(Duration.ofSeconds(30));
    }

    @EventHandler
    void on(PriorityRoundOpened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        rounds.upsert(event.roundId().value(), sequence, new PriorityRoundView(event.roundId().value(), event.region().value(),
                event.budgetYear(), false, at, null, 0, List.of(), List.of()));
    }

    @EventHandler
    void on(PrioritiesRanked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        RankingVersion ranking = new RankingVersion(event.rankingVersion(), at, event.ranking());
        versions.upsert(versionId(event.roundId().value(), event.rankingVersion()), sequence, ranking);
        rounds.update(event.roundId().value(), sequence, Updates.combine(Updates.set("latest", rounds.bson(ranking)),
                Updates.set("rankingVersions", event.rankingVersion())));
    }

    @EventHandler
    void on(PrioritiesDecided event, @SequenceNumber long sequence, @Timestamp Instant at) {
        rounds.update(event.roundId().value(), sequence, Updates.combine(Updates.set("decided", true),
                Updates.push("decisions", rounds.bson(new PriorityRoundView.Decision(event.rankingVersion(), event.decidedBy(),
                        event.decisionDate(), event.minutesReference(), event.allocations(), event.notPrioritised(), at)))));
    }

    @EventHandler
    void on(PriorityRoundReopened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        rounds.update(event.roundId().value(), sequence, Updates.combine(Updates.set("decided", false),
                Updates.push("reopenings", rounds.bson(new PriorityRoundView.Reopening(at, event.reason())))));
    }
}

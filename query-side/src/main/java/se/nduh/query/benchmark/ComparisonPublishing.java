package se.nduh.query.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.kafka.ComparisonPublisher;
import se.nduh.infrastructure.readmodel.ReadModelStore;
import se.nduh.kernel.commission.CommissionDraftRevised;
import se.nduh.kernel.commission.CommissionDrafted;
import se.nduh.kernel.commission.CommissionIssued;
import se.nduh.kernel.commission.OutcomeRecorded;
import se.nduh.kernel.comparison.AnonymisationPolicy;
import se.nduh.kernel.comparison.ComparisonNamingDecided;
import se.nduh.kernel.comparison.ComparisonRecord;
import se.nduh.kernel.need.EvidenceAttached;
import se.nduh.kernel.need.EvidenceWithdrawn;
import se.nduh.kernel.need.HealthTargetSet;
import se.nduh.kernel.need.NeedAssessed;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.need.NeedRevised;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.priority.PrioritiesDecided;
import se.nduh.kernel.priority.PrioritiesRanked;
import se.nduh.kernel.priority.PriorityRoundOpened;
import se.nduh.kernel.priority.PriorityRoundReopened;
import se.nduh.kernel.region.RegionCode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The comparison publisher: a tracking processor over the region's events. It keeps the facts its metrics need
 * in its own read model (guarded by each aggregate's sequence, so a redelivered event changes nothing), and at
 * the end of each batch recomputes the metrics of the regions the batch touched and publishes every figure whose
 * anonymised record changed, with a grown revision. A figure is marked pending until Kafka has it, so a crash
 * between the two publishes it again rather than never; a restart resumes from the processor's token.
 */
@Component
@ProcessingGroup(ComparisonPublishing.PROCESSOR)
class ComparisonPublishing {

    static final String PROCESSOR = "comparison-publisher";
    private static final String TOUCHED_REGIONS = PROCESSOR + ".touched-regions";
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ReadModelStore<NeedFacts> needs;
    private final ReadModelStore<RoundFacts> rounds;
    private final ReadModelStore<CommissionFacts> commissions;
    private final ReadModelStore<NamingFacts> naming;
    private final MongoCollection<Document> figures;
    private final ComparisonPublisher publisher;
    private final AnonymisationPolicy policy;
    private final RegionKeys keys;
    private final ObjectMapper json;

    ComparisonPublishing(MongoDatabase readDatabase, ObjectMapper json, ComparisonPublisher publisher,
                         AnonymisationPolicy policy, RegionKeys keys) {
        this.needs = new ReadModelStore<>(readDatabase.getCollection("comparison_need_facts"), NeedFacts.class, json);
        this.rounds = new ReadModelStore<>(readDatabase.getCollection("comparison_round_facts"), RoundFacts.class, json);
        this.commissions = new ReadModelStore<>(readDatabase.getCollection("comparison_commission_facts"), CommissionFacts.class, json);
        this.naming = new ReadModelStore<>(readDatabase.getCollection("comparison_naming"), NamingFacts.class, json);
        this.figures = readDatabase.getCollection("comparison_figures");
        this.publisher = publisher;
        this.policy = policy;
        this.keys = keys;
        this.json = json;
    }

    @EventHandler
    void on(NeedProposed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        int budgetYear = event.budgetYear() != null ? event.budgetYear() : at.atZone(SWEDEN).getYear();
        String need = event.needId().value();
        create(needs, event.region(), need, sequence, NeedFacts.proposed(need, event.region().value(), budgetYear, at,
                event.kindsOfEffort(), event.indicator(), event.needGroup()));
    }

    @EventHandler
    void on(EvidenceAttached event, @SequenceNumber long sequence) {
        change(needs, event.region(), event.needId().value(), sequence, need -> need.withEvidence(event.evidenceId().value(),
                new NeedFacts.Evidence(event.kind(), event.dataQuality())));
    }

    @EventHandler
    void on(EvidenceWithdrawn event, @SequenceNumber long sequence) {
        change(needs, event.region(), event.needId().value(), sequence, need -> need.withEvidence(event.evidenceId().value(), null));
    }

    @EventHandler
    void on(NeedAssessed event, @SequenceNumber long sequence) {
        change(needs, event.region(), event.needId().value(), sequence,
                need -> need.assessed(event.assessment().careNeed(), event.assessment().severity()));
    }

    @EventHandler
    void on(HealthTargetSet event, @SequenceNumber long sequence) {
        change(needs, event.region(), event.needId().value(), sequence, need -> need.withGap(event.gap()));
    }

    @EventHandler
    void on(NeedRevised event, @SequenceNumber long sequence) {
        change(needs, event.region(), event.needId().value(), sequence,
                need -> need.revised(event.kindsOfEffort(), event.indicator(), event.needGroup(), event.gap()));
    }

    @EventHandler
    void on(PriorityRoundOpened event, @SequenceNumber long sequence) {
        create(rounds, event.region(), event.roundId().value(), sequence, RoundFacts.opened(event.region().value(), event.budgetYear()));
    }

    @EventHandler
    void on(PrioritiesRanked event, @SequenceNumber long sequence) {
        List<RoundFacts.Place> places = event.ranking().stream().map(place -> new RoundFacts.Place(place.needId().value(),
                place.deviationRationale() != null && !place.deviationRationale().isBlank())).toList();
        change(rounds, event.region(), event.roundId().value(), sequence, round -> round.ranked(event.rankingVersion(), places));
    }

    @EventHandler
    void on(PrioritiesDecided event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(rounds, event.region(), event.roundId().value(), sequence, round -> round.decided(at,
                event.notPrioritised().stream().map(left -> left.needId().value()).toList()));
    }

    @EventHandler
    void on(PriorityRoundReopened event, @SequenceNumber long sequence) {
        change(rounds, event.region(), event.roundId().value(), sequence, RoundFacts::reopened);
    }

    @EventHandler
    void on(CommissionDrafted event, @SequenceNumber long sequence) {
        create(commissions, event.region(), event.commissionId().value(), sequence,
                CommissionFacts.drafted(event.region().value(), event.terms()));
    }

    @EventHandler
    void on(CommissionDraftRevised event, @SequenceNumber long sequence) {
        change(commissions, event.region(), event.commissionId().value(), sequence,
                commission -> commission.withTerms(event.terms()));
    }

    @EventHandler
    void on(CommissionIssued event, @SequenceNumber long sequence) {
        change(commissions, event.region(), event.commissionId().value(), sequence,
                commission -> commission.issued(!event.warnings().isEmpty()));
    }

    @EventHandler
    void on(OutcomeRecorded event, @SequenceNumber long sequence) {
        change(commissions, event.region(), event.commissionId().value(), sequence, commission -> commission.outcome(event.indicatorId(),
                event.period().value(), event.value(), event.goalFulfilment()));
    }

    @EventHandler
    void on(ComparisonNamingDecided event, @SequenceNumber long sequence) {
        create(naming, event.region(), event.region().value(), sequence, new NamingFacts(event.region().value(), event.named()));
    }

    /** Stores the facts of a new aggregate (or of a region's naming) and remembers the region for the batch's end. */
    private <T> void create(ReadModelStore<T> store, RegionCode region, String id, long sequence, T facts) {
        store.upsert(id, sequence, facts);
        touched(region);
    }

    /**
     * Applies an event to the facts of its aggregate and remembers the region for the batch's end. The facts are
     * this processor's own, written by its single thread, so reading before writing is safe; the sequence guard
     * makes a repeat change nothing.
     */
    private <T> void change(ReadModelStore<T> store, RegionCode region, String id, long sequence, UnaryOperator<T> change) {
        store.findById(id).blockOptional(TIMEOUT).ifPresent(facts -> store.upsert(id, sequence, change.apply(facts)));
        touched(region);
    }

    /** Remembers the region for the end of the batch (every event is handled in one), when its metrics are recomputed once. */
    private void touched(RegionCode region) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Set<String> regions = batch.getOrComputeResource(TOUCHED_REGIONS, name -> {
            Set<String> touched = new TreeSet<>();
            batch.onPrepareCommit(unit -> touched.forEach(this::publish));
            return touched;
        });
        regions.add(region.value());
    }

    /** Recomputes the region's figures, stores what changed as pending, publishes every pending one, then settles. */
    private void publish(String region) {
        List<StoredFigure> changes = changes(region);
        if (!changes.isEmpty()) {
            Mono.from(figures.bulkWrite(changes.stream().map(this::write).toList())).block(TIMEOUT);
        }
        List<Document> pending = Flux.from(figures.find(Filters.and(Filters.eq("region", region), Filters.eq("pending", true))))
                .collectList().block(TIMEOUT);
        if (pending.isEmpty()) {
            return;
        }
        List<ComparisonRecord> records = new ArrayList<>();
        List<String> retracted = new ArrayList<>();
        for (Document figure : pending) {
            retracted.addAll(figure.getList("retract", String.class));
            if (!figure.getBoolean("gone")) {
                records.add(recordOf(figure));
            }
        }
        publisher.publish(records, retracted);
        List<WriteModel<Document>> settled = pending.stream().<WriteModel<Document>>map(figure -> figure.getBoolean("gone")
                ? new DeleteOneModel<>(Filters.eq("_id", figure.getString("_id")))
                : new UpdateOneModel<>(Filters.eq("_id", figure.getString("_id")),
                        Updates.combine(Updates.set("pending", false), Updates.set("retract", List.of())))).toList();
        Mono.from(figures.bulkWrite(settled)).block(TIMEOUT);
    }

    /** The stored figures whose record changes: new or different values, a new published name, or gone. */
    private List<StoredFigure> changes(String region) {
        RegionCode code = RegionCode.of(region);
        Bson ofRegion = Filters.eq("region", region);
        Map<String, NeedFacts> regionNeeds = needs.find(ofRegion, Sorts.ascending("needId")).collectMap(NeedFacts::needId).block(TIMEOUT);
        List<RoundFacts> regionRounds = rounds.find(ofRegion, Sorts.ascending("budgetYear")).collectList().block(TIMEOUT);
        List<CommissionFacts> regionCommissions = commissions.find(ofRegion, Sorts.ascending("budgetYear")).collectList().block(TIMEOUT);
        boolean named = naming.findById(region).map(NamingFacts::named).blockOptional(TIMEOUT).orElse(false);
        byte[] key = keys.keyOf(code);
        Map<String, Document> stored = Flux.from(figures.find(ofRegion)).collectMap(figure -> figure.getString("_id")).block(TIMEOUT);

        List<StoredFigure> changes = new ArrayList<>();
        for (RegionMetrics.Figure figure : RegionMetrics.of(regionNeeds, regionRounds, regionCommissions)) {
            String id = region + "|" + figure.metric() + "|" + figure.period();
            Period period = Period.of(figure.period());
            ComparisonRecord candidate = policy.record(figure.metric(), period,
                    AnonymisationPolicy.publishedRegion(code, key, period, named), named, figure.value(), figure.items(), 1);
            Document before = stored.remove(id);
            if (before == null) {
                changes.add(new StoredFigure(id, region, candidate, List.of(), false));
                continue;
            }
            ComparisonRecord published = recordOf(before);
            if (!sameFigure(published, candidate)) {
                List<String> retract = new ArrayList<>(before.getList("retract", String.class));
                if (!published.key().equals(candidate.key())) {
                    retract.add(published.key());
                }
                changes.add(new StoredFigure(id, region, withRevision(candidate, published.revision() + 1), retract, false));
            }
        }
        // What the metrics no longer give (an indicator a revision unlinked from the catalogue, say) is retracted.
        stored.values().stream().filter(gone -> !gone.getBoolean("gone")).forEach(gone -> {
            ComparisonRecord last = recordOf(gone);
            List<String> retract = new ArrayList<>(gone.getList("retract", String.class));
            retract.add(last.key());
            changes.add(new StoredFigure(gone.getString("_id"), region, last, retract, true));
        });
        return changes;
    }

    private static boolean sameFigure(ComparisonRecord published, ComparisonRecord candidate) {
        return published.key().equals(candidate.key()) && published.suppressed() == candidate.suppressed()
                && Objects.equals(published.itemCount(), candidate.itemCount())
                && (published.value() == null ? candidate.value() == null
                : candidate.value() != null && published.value().compareTo(candidate.value()) == 0);
    }

    private static ComparisonRecord withRevision(ComparisonRecord record, long revision) {
        return new ComparisonRecord(record.schemaVersion(), record.metric(), record.period(), record.region(), record.named(),
                record.value(), record.suppressed(), record.itemCount(), revision);
    }

    private ComparisonRecord recordOf(Document figure) {
        try {
            return json.readValue(figure.getString("record"), ComparisonRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored figure " + figure.getString("_id"), e);
        }
    }

    private WriteModel<Document> write(StoredFigure figure) {
        try {
            Document document = new Document("_id", figure.id()).append("region", figure.region())
                    .append("record", json.writeValueAsString(figure.record())).append("retract", figure.retract())
                    .append("gone", figure.gone()).append("pending", true);
            return new ReplaceOneModel<>(Filters.eq("_id", figure.id()), document, new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store " + figure.id(), e);
        }
    }

    /**
     * A figure as the publisher stores it: the region's own, never on Kafka, with the record last made of it;
     * {@code retract} holds keys still to tombstone, {@code gone} a figure the metrics no longer give.
     */
    private record StoredFigure(String id, String region, ComparisonRecord record, List<String> retract, boolean gone) {
    }
}

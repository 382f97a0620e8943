package se.nduh.query.comparison;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.kernel.comparison.AnonymisationPolicy;
import se.nduh.kernel.comparison.ComparisonRecord;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;
import se.nduh.query.keys.RegionKeys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The region's figures as last published, one document per region, metric and period ({@code comparison_figures},
 * never on Kafka). {@link #refresh} recomputes a region's metrics from its facts, anonymises them, and stores every
 * figure whose record changed as pending, with a grown revision; {@link #settle} clears what Kafka has.
 */
@Component
class FigureOutbox {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * A figure as the outbox stores it, with the record last made of it; {@code retract} holds keys still to
     * tombstone, {@code gone} a figure the metrics no longer give.
     */
    record Figure(String id, String region, ComparisonRecord record, List<String> retract, boolean gone, String written) {
    }

    private final MongoCollection<Document> figures;
    private final ComparisonFacts facts;
    private final AnonymisationPolicy policy;
    private final RegionKeys keys;
    private final ObjectMapper json;
    private final RegionDirectory regions;

    FigureOutbox(MongoDatabase readDatabase, ComparisonFacts facts, AnonymisationPolicy policy, RegionKeys keys, ObjectMapper json,
                 RegionDirectory regions) {
        this.regions = regions;
        this.figures = readDatabase.getCollection("comparison_figures");
        this.facts = facts;
        this.policy = policy;
        this.keys = keys;
        this.json = json;
    }

    /** Stores as pending every figure of the region whose record changes: new or different values, a new published name, or gone. */
    void refresh(StaleRegions.Stale stale) {
        List<Figure> changes = changes(stale);
        if (!changes.isEmpty()) {
            Mono.from(figures.bulkWrite(changes.stream().map(this::write).toList())).block(TIMEOUT);
        }
    }

    List<Figure> pending(String region) {
        return Flux.from(figures.find(Filters.and(Filters.eq("region", region), Filters.eq("pending", true))))
                .map(this::figureOf).collectList().block(TIMEOUT);
    }

    /** How many figures wait to be sent, counted within {@code timeout}. */
    long pendingCount(Duration timeout) {
        return Mono.from(figures.countDocuments(Filters.eq("pending", true))).block(timeout);
    }

    /** The regions with a figure still to send. */
    Set<String> regionsWithPending() {
        return Flux.from(figures.find(Filters.eq("pending", true)).projection(new Document("region", 1)))
                .map(figure -> figure.getString("region")).collect(Collectors.toCollection(TreeSet::new)).block(TIMEOUT);
    }

    /**
     * Kafka has these: a gone figure is deleted, the others are no longer pending and have nothing left to retract.
     * Only the very writes that were sent are settled: a figure rewritten meanwhile stays pending for its own send.
     */
    void settle(List<Figure> sent) {
        List<WriteModel<Document>> settled = sent.stream().<WriteModel<Document>>map(figure -> {
            Bson thatWrite = Filters.and(Filters.eq("_id", figure.id()), Filters.eq("written", figure.written()));
            return figure.gone() ? new DeleteOneModel<>(thatWrite)
                    : new UpdateOneModel<>(thatWrite, Updates.combine(Updates.set("pending", false), Updates.set("retract", List.of())));
        }).toList();
        Mono.from(figures.bulkWrite(settled)).block(TIMEOUT);
    }

    private List<Figure> changes(StaleRegions.Stale stale) {
        String region = stale.region();
        RegionCode code = RegionCode.of(region);
        ComparisonFacts.OfRegion of = facts.ofRegion(stale);
        byte[] key = keys.keyOf(code);
        Map<String, Figure> stored = Flux.from(figures.find(Filters.eq("region", region))).map(this::figureOf)
                .collectMap(Figure::id).block(TIMEOUT);

        List<Figure> changes = new ArrayList<>();
        // A pseudonym takes a key derivation: once per period, not per figure.
        Map<Period, String> publishedAs = new HashMap<>();
        // A region that has left publishes nothing: every figure it published is retracted below.
        List<RegionMetrics.Figure> metrics = regions.hasLeft(region) ? List.of()
                : RegionMetrics.of(of.needs(), of.rounds(), of.commissions(), policy.k());
        for (RegionMetrics.Figure figure : metrics) {
            String id = region + "|" + figure.metric() + "|" + figure.period();
            Period period = Period.of(figure.period());
            ComparisonRecord candidate = policy.record(figure.metric(), period,
                    publishedAs.computeIfAbsent(period, each -> AnonymisationPolicy.publishedRegion(code, key, each, of.named())),
                    of.named(), figure.value(),
                    figure.people() ? policy.publishedPeople(figure.items()) : figure.items(), 1);
            Figure before = stored.remove(id);
            if (before == null) {
                changes.add(new Figure(id, region, candidate, List.of(), false, null));
                continue;
            }
            ComparisonRecord published = before.record();
            if (!sameFigure(published, candidate)) {
                List<String> retract = new ArrayList<>(before.retract());
                if (!published.key().equals(candidate.key())) {
                    retract.add(published.key());
                }
                changes.add(new Figure(id, region, withRevision(candidate, published.revision() + 1), retract, false, null));
            }
        }
        // What the metrics no longer give (an indicator a revision unlinked from the catalogue, say) is retracted.
        stored.values().stream().filter(gone -> !gone.gone()).forEach(gone -> {
            List<String> retract = new ArrayList<>(gone.retract());
            retract.add(gone.record().key());
            changes.add(new Figure(gone.id(), region, gone.record(), retract, true, null));
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

    private Figure figureOf(Document figure) {
        try {
            return new Figure(figure.getString("_id"), figure.getString("region"),
                    json.readValue(figure.getString("record"), ComparisonRecord.class),
                    figure.getList("retract", String.class), figure.getBoolean("gone"), figure.getString("written"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored figure " + figure.getString("_id"), e);
        }
    }

    private WriteModel<Document> write(Figure figure) {
        try {
            Document document = new Document("_id", figure.id()).append("region", figure.region())
                    .append("record", json.writeValueAsString(figure.record())).append("retract", figure.retract())
                    .append("gone", figure.gone()).append("pending", true).append("written", UUID.randomUUID().toString());
            return new ReplaceOneModel<>(Filters.eq("_id", figure.id()), document, new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store " + figure.id(), e);
        }
    }
}

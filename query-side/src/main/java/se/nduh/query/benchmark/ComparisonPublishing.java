package se.nduh.query.benchmark;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.kafka.ComparisonPublisher;
import se.nduh.kernel.comparison.AnonymisationPolicy;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The comparison publisher: a tracking processor over the region's events that keeps each region's figures
 * in its own read model and publishes the anonymised figure whenever it changes. A restart resumes from the
 * processor's token; a redelivered event counts nothing twice and publishes the same record again, which
 * consumers ignore by its revision.
 */
@Component
@ProcessingGroup(ComparisonPublishing.PROCESSOR)
class ComparisonPublishing {

    static final String PROCESSOR = "comparison-publisher";
    static final String NEEDS_PROPOSED = "needs.proposed";
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MongoCollection<Document> figures;
    private final ComparisonPublisher publisher;
    private final AnonymisationPolicy policy;
    private final RegionKeys keys;

    ComparisonPublishing(MongoDatabase readDatabase, ComparisonPublisher publisher, AnonymisationPolicy policy,
                         RegionKeys keys) {
        this.figures = readDatabase.getCollection("region_figures");
        this.publisher = publisher;
        this.policy = policy;
        this.keys = keys;
    }

    @EventHandler
    void on(NeedProposed event, @Timestamp Instant at) {
        Period year = Period.yearOf(at.atZone(SWEDEN).toLocalDate());
        Document figure = count(NEEDS_PROPOSED, event.region(), year, event.needId().value());
        int count = figure.getList("items", String.class).size();
        publisher.publish(policy.record(NEEDS_PROPOSED, year, AnonymisationPolicy.pseudonym(keys.keyOf(event.region()), year),
                BigDecimal.valueOf(count), count, figure.getLong("revision")));
    }

    /** Adds the item to the figure once; the revision grows only when the item is new. */
    private Document count(String metric, RegionCode region, Period period, String item) {
        String id = metric + "|" + region + "|" + period;
        try {
            return Mono.from(figures.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", id), Filters.ne("items", item)),
                    Updates.combine(Updates.set("metric", metric), Updates.set("region", region.value()),
                            Updates.set("period", period.value()), Updates.push("items", item), Updates.inc("revision", 1L)),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))).block(TIMEOUT);
        } catch (MongoWriteException | MongoCommandException e) {
            if (ErrorCategory.fromErrorCode(errorCode(e)) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Already counted (a redelivery): publish the figure as it stands.
            return Mono.from(figures.find(Filters.eq("_id", id)).first()).block(TIMEOUT);
        }
    }

    private static int errorCode(RuntimeException e) {
        return e instanceof MongoWriteException write ? write.getError().getCode() : ((MongoCommandException) e).getErrorCode();
    }
}

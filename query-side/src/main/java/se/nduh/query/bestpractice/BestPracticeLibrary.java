package se.nduh.query.bestpractice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import se.nduh.kernel.experience.BestPracticeEntry;
import se.nduh.kernel.experience.ReleasedExperience;
import se.nduh.kernel.experience.StrategicArea;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.query.readmodel.Page;
import se.nduh.query.readmodel.ReadModelStore;
import se.nduh.query.readmodel.ReadModelUpdates;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The network library ({@code best_practice} collection): one document per released experience of the network.
 * Two topics write it, each under its own guard: the released experiences set {@code experience} when a record's
 * revision is newer ({@code experienceRevision}), the network's curated library sets {@code curated} and
 * {@code curation} when its record's revision is newer ({@code curationVersion}). Either may come first; a
 * redelivery of either changes nothing.
 */
@Component
class BestPracticeLibrary {

    static final String EXPERIENCE_REVISION = "experienceRevision";
    static final String CURATION_VERSION = "curationVersion";
    /** The name under which a curation's arrival is told to those waiting for it. */
    static final String LIBRARY = "best-practice";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MongoCollection<Document> collection;
    private final ReadModelStore<BestPracticeView> store;
    private final ReadModelUpdates updates;

    BestPracticeLibrary(MongoDatabase readDatabase, ObjectMapper json, ReadModelUpdates updates) {
        this.updates = updates;
        this.collection = readDatabase.getCollection("best_practice");
        this.store = new ReadModelStore<>(collection, BestPracticeView.class, json);
    }

    /** A released experience from the network: kept when its revision is newer than what is stored. */
    void received(ReleasedExperience experience) {
        upsertGuarded(experience.experienceId(), EXPERIENCE_REVISION, experience.revision(), Updates.combine(
                Updates.set("experience", store.bson(experience)), Updates.set(EXPERIENCE_REVISION, experience.revision())));
    }

    /**
     * The network's decision about an experience, kept when its revision is newer: curated (the whole curation), or
     * retired (the reason beside the curation it ends). Tells those waiting for the curation's version.
     */
    void curated(BestPracticeEntry entry) {
        Bson curation = entry.curated()
                ? Updates.combine(Updates.set("curated", true), Updates.set("curation",
                        store.bson(new BestPracticeView.Curation(entry.tags(), entry.why(), entry.curatedAt(), null))))
                : Updates.combine(Updates.set("curated", false), Updates.set("curation.retirementReason", entry.retirementReason()));
        upsertGuarded(entry.experienceId(), CURATION_VERSION, entry.revision(),
                Updates.combine(curation, Updates.set(CURATION_VERSION, entry.revision())));
        updates.published(new ReadModelUpdates.Update(LIBRARY, null, entry.experienceId(), entry.revision()));
    }

    Mono<Long> curationVersion(String experienceId) {
        return Mono.from(collection.find(Filters.eq("_id", experienceId)).projection(new Document(CURATION_VERSION, 1)).first())
                .map(document -> document.get(CURATION_VERSION) instanceof Number number ? number.longValue() : -1L)
                .defaultIfEmpty(-1L);
    }

    /** The curated, not retired, best practices, by title; {@code q} searches titles and summaries, ignoring case. */
    Mono<Page<BestPracticeAnswer>> curated(StrategicArea area, KindOfEffort kind, String q, int page, int size) {
        return page(Filters.eq("curated", true), area, kind, q, page, size, BestPracticeAnswer::of);
    }

    /** What coordinators may curate: the network's released experiences not in the library now (never, or retired). */
    Mono<Page<ReleasedExperience>> notCurated(StrategicArea area, KindOfEffort kind, String q, int page, int size) {
        return page(Filters.ne("curated", true), area, kind, q, page, size, BestPracticeView::experience);
    }

    private <T> Mono<Page<T>> page(Bson curation, StrategicArea area, KindOfEffort kind, String q, int page, int size,
                                   Function<BestPracticeView, T> answer) {
        List<Bson> filters = new ArrayList<>(List.of(curation, Filters.ne("experience", null)));
        if (area != null) {
            filters.add(Filters.eq("experience.area", area.name()));
        }
        if (kind != null) {
            filters.add(Filters.eq("experience.kindsOfEffort", kind.name()));
        }
        if (q != null && !q.isBlank()) {
            String quoted = Pattern.quote(q.strip());
            filters.add(Filters.or(Filters.regex("experience.title", quoted, "i"), Filters.regex("experience.summary", quoted, "i")));
        }
        Bson filter = Filters.and(filters);
        return store.page(filter, Sorts.ascending("experience.title", "_id"), page * size, size).map(answer)
                .collectList()
                .zipWith(store.count(filter), (items, total) -> new Page<>(items, page, size, total));
    }

    Mono<BestPracticeAnswer> one(String experienceId) {
        return store.findById(experienceId)
                .filter(view -> view.curated() && view.experience() != null && view.curation() != null)
                .map(BestPracticeAnswer::of);
    }

    /**
     * Applies the update unless the stored document's guard is as new or newer; creates the document when there
     * is none. When the guard filter misses because a newer write is stored, the upsert collides on {@code _id}:
     * nothing to do.
     */
    private void upsertGuarded(String id, String guard, long version, Bson update) {
        Bson filter = Filters.and(Filters.eq("_id", id), Filters.or(Filters.eq(guard, null), Filters.lt(guard, version)));
        try {
            Mono.from(collection.updateOne(filter, update, new UpdateOptions().upsert(true))).block(TIMEOUT);
        } catch (MongoWriteException | MongoCommandException e) {
            if (ErrorCategory.fromErrorCode(errorCode(e)) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static int errorCode(RuntimeException e) {
        return e instanceof MongoWriteException write ? write.getError().getCode() : ((MongoCommandException) e).getErrorCode();
    }
}

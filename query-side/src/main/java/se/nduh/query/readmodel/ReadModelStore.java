package se.nduh.query.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A read-model collection of one view type, through the reactive-streams driver. Views are records stored
 * as their JSON; every write is an idempotent upsert guarded by a version, so a redelivered or replayed
 * event changes nothing. A processor's writes are sent together at the end of its batch ({@link ReadModelWrites}).
 */
public class ReadModelStore<T> {

    /** The guard field: the event sequence (or revision) the document was last written from. */
    public static final String VERSION = "_version";
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final MongoCollection<Document> collection;
    private final Class<T> type;
    private final ObjectMapper json;
    private volatile List<IndexModel> indexes = List.of();

    public ReadModelStore(MongoCollection<Document> collection, Class<T> type, ObjectMapper json) {
        this.collection = collection;
        this.type = type;
        this.json = json;
    }

    /**
     * Writes the view unless the stored one is as new or newer. In a processor's batch the write is sent with the
     * batch's others ({@link ReadModelWrites}), else at once, blocking: an event counts as handled only once its view is
     * stored.
     */
    public void upsert(String id, long version, T view) {
        Document document = toDocument(view).append("_id", id).append(VERSION, version);
        // When the filter misses because a newer version is stored, the upsert collides on _id and changes nothing.
        write(new ReplaceOneModel<>(newerThanStored(id, version), document, new ReplaceOptions().upsert(true)));
    }

    /**
     * Applies a partial update made by the event of this version, unless the stored view already reflects it:
     * a redelivered or replayed event matches nothing and changes nothing.
     */
    public void update(String id, long version, Bson update) {
        write(new UpdateOneModel<>(newerThanStored(id, version), Updates.combine(update, Updates.set(VERSION, version))));
    }

    /** Like {@link #update}, with array filters naming the array elements the update changes. */
    public void update(String id, long version, Bson update, List<? extends Bson> arrayFilters) {
        write(new UpdateOneModel<>(newerThanStored(id, version), Updates.combine(update, Updates.set(VERSION, version)),
                new UpdateOptions().arrayFilters(arrayFilters)));
    }

    /**
     * Updates every view the filter matches, for events of another aggregate that change these views: the
     * filter carries the guard that makes a repeat change nothing.
     */
    public void updateWhere(Bson filter, Bson update) {
        write(new UpdateManyModel<>(filter, update));
    }

    private static Bson newerThanStored(String id, long version) {
        return Filters.and(Filters.eq("_id", id), Filters.lt(VERSION, version));
    }

    private void write(WriteModel<Document> write) {
        if (!ReadModelWrites.buffered(collection, write)) {
            ReadModelWrites.send(collection, List.of(write));
        }
    }

    /** A value (record, list, enum, number) as the BSON it is stored as, for partial updates. */
    public Object bson(Object value) {
        try {
            return Document.parse("{\"v\": " + json.writeValueAsString(value) + "}").get("v");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store " + value, e);
        }
    }

    /**
     * Creates these indexes unless they exist, for the orders and filters the store's pages are read in. Blocks: at
     * start, before the first page is asked for.
     */
    public void index(List<Bson> keys) {
        indexes = keys.stream().map(IndexModel::new).toList();
        Mono.from(collection.createIndexes(indexes)).block(WRITE_TIMEOUT);
    }

    /** One page of views matching the filter, in the given order. */
    public Flux<T> page(Bson filter, Bson sort, int skip, int limit) {
        ReadModelWrites.flush();
        return Flux.from(collection.find(filter).sort(sort).skip(skip).limit(limit)).map(this::toView);
    }

    public Mono<Long> count(Bson filter) {
        ReadModelWrites.flush();
        return Mono.from(collection.countDocuments(filter));
    }

    /** The version the stored view reflects, or -1 when there is none yet (an aggregate's first event is version 0). */
    public Mono<Long> version(String id) {
        return version(Filters.eq("_id", id));
    }

    /** The version of the region's item, or -1: another region's item of that id is not there at all. */
    public Mono<Long> version(String id, String region) {
        return version(Filters.and(Filters.eq("_id", id), Filters.eq("region", region)));
    }

    private Mono<Long> version(Bson filter) {
        ReadModelWrites.flush();
        return Mono.from(collection.find(filter).projection(new Document(VERSION, 1)).first())
                .map(document -> document.get(VERSION, Number.class).longValue())
                .defaultIfEmpty(-1L);
    }

    public Mono<T> findById(String id) {
        ReadModelWrites.flush();
        return Mono.from(collection.find(Filters.eq("_id", id)).first()).map(this::toView);
    }

    public Flux<T> find(Bson filter, Bson sort) {
        return findWithIds(filter, sort).map(Map.Entry::getValue);
    }

    /** The views matching the filter, each with its id. */
    public Flux<Map.Entry<String, T>> findWithIds(Bson filter, Bson sort) {
        ReadModelWrites.flush();
        return Flux.from(collection.find(filter).sort(sort)).map(document -> Map.entry(document.getString("_id"), toView(document)));
    }

    /** Removes one view, whatever its version: for a source that retracts it. */
    public void delete(String id) {
        write(new DeleteOneModel<>(Filters.eq("_id", id)));
    }

    /**
     * Empties the store for a rebuild: the collection is dropped and its indexes made again, where deleting document by
     * document took the embedded server longer than a reset may (96,000 needs).
     */
    public Mono<Void> deleteAll() {
        return Mono.from(collection.drop()).then(Mono.defer(() -> indexes.isEmpty() ? Mono.empty()
                : Mono.from(collection.createIndexes(indexes)).then()));
    }

    private Document toDocument(T view) {
        try {
            return Document.parse(json.writeValueAsString(view));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store view " + type.getSimpleName(), e);
        }
    }

    /**
     * The view from its stored document, converted by Jackson straight from the document's values without writing and
     * parsing its JSON text: a view is stored from its JSON ({@link #toDocument}), so it holds only JSON's kinds of values.
     */
    private T toView(Document document) {
        document.remove("_id");
        document.remove(VERSION);
        try {
            return json.convertValue(document, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " does not match its view", e);
        }
    }
}

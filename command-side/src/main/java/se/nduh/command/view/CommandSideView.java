package se.nduh.command.view;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import se.nduh.infrastructure.mongo.MongoProperties;

/**
 * A small view the command side keeps beside its event store, for rules that span aggregates. Written by
 * subscribing processors in the command's own thread; every write is an idempotent upsert by id.
 */
public final class CommandSideView {

    /** The sequence number of the aggregate's latest event a versioned document holds. */
    static final String VERSION = "_version";

    private final MongoCollection<Document> documents;

    public CommandSideView(MongoClient client, MongoProperties properties, String collection) {
        this.documents = client.getDatabase(properties.eventsDatabase()).getCollection(collection);
    }

    public void set(String id, Bson update) {
        documents.updateOne(Filters.eq("_id", id), update, new UpdateOptions().upsert(true));
    }

    /**
     * The update an aggregate's event of sequence number {@code version} makes, unless the document holds that event or
     * a later one already: an event is written again when the views are repaired ({@link ViewRepair}), maybe after a
     * later one. A document written before versions were kept takes any event once.
     */
    public void set(String id, long version, Bson update) {
        Bson older = Filters.or(Filters.lt(VERSION, version), Filters.exists(VERSION, false));
        try {
            documents.updateOne(Filters.and(Filters.eq("_id", id), older), Updates.combine(update, Updates.set(VERSION, version)),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // The filter missed because the document holds this event or a later one, and the upsert collided on _id.
            boolean held = e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                    && documents.find(Filters.and(Filters.eq("_id", id), Filters.gte(VERSION, version))).first() != null;
            if (!held) {
                throw e;
            }
        }
    }

    public MongoCollection<Document> documents() {
        return documents;
    }
}

package se.nduh.command.view;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import se.nduh.infrastructure.mongo.MongoProperties;

/**
 * A small view the command side keeps beside its event store, for rules that span aggregates. Written by
 * subscribing processors in the command's own thread; every write is an idempotent upsert by id.
 */
public final class CommandSideView {

    private final MongoCollection<Document> documents;

    public CommandSideView(MongoClient client, MongoProperties properties, String collection) {
        this.documents = client.getDatabase(properties.eventsDatabase()).getCollection(collection);
    }

    public void set(String id, Bson update) {
        documents.updateOne(Filters.eq("_id", id), update, new UpdateOptions().upsert(true));
    }

    public MongoCollection<Document> documents() {
        return documents;
    }
}

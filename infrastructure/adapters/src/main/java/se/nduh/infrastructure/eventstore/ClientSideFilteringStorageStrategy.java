package se.nduh.infrastructure.eventstore;

import com.mongodb.BasicDBObject;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.gte;
import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * One document per event, tracked as the stock strategy does, except that the ids of recently seen events
 * are filtered out here rather than sent to the server as {@code $nin}: that list grows with the look-back
 * window and made every tracking poll slow as the store grew (see STACK.md).
 */
public class ClientSideFilteringStorageStrategy extends DocumentPerEventStorageStrategy {

    private final Duration lookBackTime;

    public ClientSideFilteringStorageStrategy(Duration lookBackTime) {
        super(EventEntryConfiguration.getDefault(), lookBackTime);
        this.lookBackTime = lookBackTime;
    }

    @Override
    public List<? extends TrackedEventData<?>> findTrackedEvents(MongoCollection<Document> eventCollection,
                                                                 TrackingToken lastToken, int batchSize) {
        MongoTrackingToken token = (MongoTrackingToken) lastToken;
        EventEntryConfiguration schema = eventConfiguration();
        FindIterable<Document> cursor = token == null
                ? eventCollection.find()
                : eventCollection.find(gte(schema.timestampProperty(),
                                           formatInstant(token.getTimestamp().minus(lookBackTime))));
        cursor = cursor.sort(new BasicDBObject(schema.timestampProperty(), ORDER_ASC)
                                     .append(schema.sequenceNumberProperty(), ORDER_ASC))
                       .batchSize(batchSize);
        List<TrackedEventData<?>> results = new ArrayList<>();
        try (MongoCursor<Document> documents = cursor.iterator()) {
            while (results.size() < batchSize && documents.hasNext()) {
                for (var event : extractEvents(documents.next()).toList()) {
                    if (token != null && token.getKnownEventIds().contains(event.getEventIdentifier())) {
                        continue;
                    }
                    token = token == null
                            ? MongoTrackingToken.of(event.getTimestamp(), event.getEventIdentifier())
                            : token.advanceTo(event.getTimestamp(), event.getEventIdentifier(), lookBackTime);
                    results.add(new TrackedDomainEventData<>(token, event));
                }
            }
        }
        return results;
    }
}

package se.nduh.infrastructure.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReturnDocument;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * One document per event, each with a global index taken from a counter as it is stored, tracked by Axon's
 * gap-aware tokens instead of by timestamp. The index is unique, and every index below a token's is filled (an
 * event or a closed position) unless the token lists it as a gap, so an insert can never land where a processor
 * has passed without looking: a late one fills a gap the processors still ask for, or finds its position closed
 * and takes a new one. Gaps are closed once they have stayed open for the gap timeout (a writer that died, an
 * insert refused for a concurrent change of its aggregate), so that tokens do not carry them for ever.
 */
public class GlobalIndexStorageStrategy extends DocumentPerEventStorageStrategy {
    private static final String ID = "_id";
    static final String EVENT_KEY = "eventKey";
    static final String INDEX = "globalIndex";
    /** Marks a closed position: it holds no event, only the index nobody may take any more. */
    static final String CLOSED_AT = "closedAt";
    /** The counter's document, named after the collection it numbers, and its field: the next free index. */
    private static final Bson COUNTER = eq(ID, "domainevents");
    private static final String NEXT = "next";
    private static final GapAwareTrackingToken BEFORE_FIRST = GapAwareTrackingToken.newInstance(-1, Set.of());

    private final MongoCollection<Document> counters;
    private final Duration gapTimeout;
    /** The gaps this process's processors have met, and since when: a gap closes a timeout after it was first met. */
    private final Map<Long, Instant> openGaps = new ConcurrentHashMap<>();

    /** {@code counters}: where the next free index is kept; {@code gapTimeout}: how long a gap stays open. */
    public GlobalIndexStorageStrategy(MongoCollection<Document> counters, Duration gapTimeout) {
        super(EventEntryConfiguration.getDefault(), null);
        this.counters = counters;
        this.gapTimeout = gapTimeout;
    }

    /**
     * Stores the events under new indexes, each with its place in its aggregate's hash chain. The aggregate's earlier
     * events were stored before its command began, so theirs are lower.
     */
    @Override
    public void appendEvents(MongoCollection<Document> events, List<? extends EventMessage<?>> messages, Serializer serializer) {
        List<Document> documents = createEventDocuments(messages, serializer).toList();
        EventEntryConfiguration schema = eventConfiguration();
        documents.forEach(document -> document.put(EVENT_KEY, keyOf(document.getString(schema.aggregateIdentifierProperty()),
                document.getLong(schema.sequenceNumberProperty()))));
        chain(events, messages, documents, serializer);
        int stored = 0;
        while (stored < documents.size()) {
            stored += insert(events, documents.subList(stored, documents.size()));
        }
    }

    /**
     * Puts into each document's metadata the hash of its aggregate's previous event and its own ({@link EventChain}),
     * computed over the document as it will be stored.
     */
    private void chain(MongoCollection<Document> events, List<? extends EventMessage<?>> messages, List<Document> documents,
                       Serializer serializer) {
        String metaDataField = eventConfiguration().metaDataProperty();
        Map<String, String> lastHashOf = new HashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            Document document = documents.get(i);
            MetaData metaData = messages.get(i).getMetaData();
            Map<String, String> values = new HashMap<>();
            metaData.forEach((key, value) -> values.put(key, String.valueOf(value)));
            StoredEvent event = StoredEvent.of(document, values);
            String previous = lastHashOf.containsKey(event.aggregateIdentifier())
                    ? lastHashOf.get(event.aggregateIdentifier()) : previousHash(events, event);
            String hash = EventChain.hashOf(event, previous);
            lastHashOf.put(event.aggregateIdentifier(), hash);
            Class<?> representation = document.get(metaDataField) instanceof String ? String.class : byte[].class;
            document.put(metaDataField, serializer.serialize(metaData.and(EventChain.PREVIOUS_HASH, previous).and(EventChain.HASH, hash),
                    representation).getData());
        }
    }

    /** The hash of the aggregate's stored event before this one. */
    private String previousHash(MongoCollection<Document> events, StoredEvent event) {
        if (event.sequenceNumber() == 0) {
            return EventChain.GENESIS;
        }
        Document previous = events.find(eventOf(event.aggregateIdentifier(), event.sequenceNumber() - 1)).first();
        return previous == null ? EventChain.GENESIS : EventChain.hashOf(StoredEvent.of(previous));
    }

    /**
     * Inserts the documents under new indexes and answers how many were stored: all of them, or those before one
     * whose position a processor closed while the insert was on its way (the rest are inserted again). Any other
     * refusal, such as a concurrent change of the aggregate, stands.
     */
    private int insert(MongoCollection<Document> events, List<Document> documents) {
        long first = reserve(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            documents.get(i).put(INDEX, first + i);
        }
        try {
            events.insertMany(documents);
            return documents.size();
        } catch (MongoBulkWriteException e) {
            int refused = e.getWriteErrors().isEmpty() ? -1 : e.getWriteErrors().get(0).getIndex();
            if (refused < 0 || events.find(eq(INDEX, documents.get(refused).get(INDEX))).first() == null) {
                throw e;
            }
            return refused;
        }
    }

    private long reserve(int count) {
        Document counter = counters.findOneAndUpdate(COUNTER, inc(NEXT, (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return counter.getLong(NEXT) - count;
    }

    /**
     * The events after the token's index and in its gaps, in index order; closed positions advance the token silently.
     * Asked for by their indexes, never by a range: the embedded MongoDB-protocol server answers only equality and
     * {@code $in} from an index and scans the whole collection for anything else, so a poll costs the same at any size
     * of the store, and a poll with nothing new is one lookup of the counter.
     */
    @Override
    public List<? extends TrackedEventData<?>> findTrackedEvents(MongoCollection<Document> events, TrackingToken lastToken,
                                                                 int batchSize) {
        GapAwareTrackingToken token = lastToken == null ? BEFORE_FIRST : (GapAwareTrackingToken) lastToken;
        long last = nextIndex() - 1;
        if (last <= token.getIndex() && token.getGaps().isEmpty()) {
            return List.of();
        }
        List<Long> wanted = new ArrayList<>(token.getGaps());
        for (long index = token.getIndex() + 1; index <= Math.min(last, token.getIndex() + batchSize); index++) {
            wanted.add(index);
        }
        List<Document> found = new ArrayList<>();
        events.find(in(INDEX, wanted)).into(found);
        if (found.isEmpty() && last > token.getIndex() + batchSize) {
            // More positions handed out than a batch, none of them stored yet: find where stored events go on (rare).
            events.find(gt(INDEX, token.getIndex())).sort(ascending(INDEX)).limit(batchSize).into(found);
        }
        found.sort(Comparator.comparingLong(document -> document.getLong(INDEX)));
        List<TrackedEventData<?>> results = new ArrayList<>();
        for (Document document : found) {
            long index = document.getLong(INDEX);
            openGaps.remove(index);
            token = token.advanceTo(index, Integer.MAX_VALUE);
            if (!document.containsKey(CLOSED_AT)) {
                results.add(new TrackedDomainEventData<>(token, extractEvents(document).findFirst().orElseThrow()));
            }
        }
        closeStaleGaps(events, token.getGaps());
        return results;
    }

    /**
     * An aggregate's events from a sequence number on, a batch in one query by their keys ({@link #keyOf}): the
     * embedded server answers {@code $in} from a single-field unique index, where a range query would scan every
     * event stored. An event stored before the keys is looked up by aggregate and sequence number, Axon's unique
     * index; so is the one after the last, to tell the end of the history from such an event.
     */
    @Override
    public List<? extends DomainEventData<?>> findDomainEvents(MongoCollection<Document> events, String aggregateIdentifier,
                                                               long firstSequenceNumber, int batchSize) {
        List<String> keys = LongStream.range(firstSequenceNumber, firstSequenceNumber + batchSize)
                .mapToObj(sequence -> keyOf(aggregateIdentifier, sequence)).toList();
        Map<Object, Document> byKey = new HashMap<>();
        events.find(in(EVENT_KEY, keys)).forEach(document -> byKey.put(document.get(EVENT_KEY), document));
        String sequenceField = eventConfiguration().sequenceNumberProperty();
        List<DomainEventData<?>> results = new ArrayList<>();
        for (long sequence = firstSequenceNumber; results.size() < batchSize; sequence++) {
            Document keyed = byKey.get(keyOf(aggregateIdentifier, sequence));
            // A key is trusted only where the event still has its sequence number (the verifier reports any change).
            Document event = keyed != null && ((Number) keyed.get(sequenceField)).longValue() == sequence
                    ? keyed : events.find(eventOf(aggregateIdentifier, sequence)).first();
            if (event == null) {
                break;
            }
            extractEvents(event).forEach(results::add);
        }
        return results;
    }

    /**
     * An event's key: its aggregate and sequence number in one field, unique as Axon's index on both is (the sequence
     * number, after the last slash, can be told from an identifier that has slashes of its own). Not the {@code _id}:
     * the embedded server's H2 back end keeps documents by {@code _id} and cannot order strings among the
     * {@code ObjectId}s of earlier events and closed positions.
     */
    static String keyOf(String aggregateIdentifier, long sequence) {
        return aggregateIdentifier + "/" + sequence;
    }

    /**
     * The aggregate's last sequence number, found by lookups of single sequence numbers: doubling until one is
     * missing, then halving the interval (an aggregate's sequence numbers run from 0 without holes).
     */
    @Override
    public Optional<Long> lastSequenceNumberFor(MongoCollection<Document> events, String aggregateIdentifier) {
        if (!stored(events, aggregateIdentifier, 0)) {
            return Optional.empty();
        }
        long present = 0;
        long missing = 1;
        while (stored(events, aggregateIdentifier, missing)) {
            present = missing;
            missing *= 2;
        }
        while (missing - present > 1) {
            long middle = present + (missing - present) / 2;
            if (stored(events, aggregateIdentifier, middle)) {
                present = middle;
            } else {
                missing = middle;
            }
        }
        return Optional.of(present);
    }

    private boolean stored(MongoCollection<Document> events, String aggregateIdentifier, long sequence) {
        return events.find(eventOf(aggregateIdentifier, sequence)).projection(include(ID)).first() != null;
    }

    /** Exactly the keys of Axon's unique index on aggregate and sequence number, and nothing else, so that it is used. */
    private Document eventOf(String aggregateIdentifier, long sequence) {
        EventEntryConfiguration schema = eventConfiguration();
        return new Document(schema.aggregateIdentifierProperty(), aggregateIdentifier).append(schema.sequenceNumberProperty(), sequence);
    }

    /** The next index the counter will hand out. */
    private long nextIndex() {
        Document counter = counters.find(COUNTER).first();
        return counter == null ? 0 : counter.getLong(NEXT);
    }

    /**
     * Closes each gap that has stayed open for the timeout by storing a closed position there; an insert that comes
     * later is refused by the unique index and stored again under a new one.
     */
    private void closeStaleGaps(MongoCollection<Document> events, Set<Long> gaps) {
        Instant now = Instant.now();
        for (long gap : gaps) {
            if (openGaps.computeIfAbsent(gap, first -> now).plus(gapTimeout).isAfter(now)) {
                continue;
            }
            EventEntryConfiguration schema = eventConfiguration();
            try {
                events.insertOne(new Document(INDEX, gap).append(CLOSED_AT, Date.from(now))
                        .append(schema.aggregateIdentifierProperty(), "closed-position-" + gap)
                        .append(schema.sequenceNumberProperty(), 0L));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            openGaps.remove(gap);
        }
    }

    @Override
    public TrackingToken createTailToken(MongoCollection<Document> events) {
        return BEFORE_FIRST;
    }

    /** Just before the next index to be handed out: the events stored from now on (one in flight counts as before). */
    TrackingToken createHeadToken() {
        return GapAwareTrackingToken.newInstance(nextIndex() - 1, Set.of());
    }

    /** Just before the first event stamped at or after {@code at}, or at the head when there is none. */
    TrackingToken createTokenAt(MongoCollection<Document> events, Instant at) {
        Document first = events.find(gte(eventConfiguration().timestampProperty(), formatInstant(at))).sort(ascending(INDEX)).first();
        return first == null ? createHeadToken() : GapAwareTrackingToken.newInstance(first.getLong(INDEX) - 1, Set.of());
    }

    /** Also gives the events stored before there were indexes theirs, before the unique index on them is made. */
    @Override
    public void ensureIndexes(MongoCollection<Document> events, MongoCollection<Document> snapshots) {
        indexEventsStoredWithout(events);
        super.ensureIndexes(events, snapshots);
        events.createIndex(ascending(INDEX), new IndexOptions().unique(true).name("uniqueGlobalIndex"));
        // Sparse: closed positions and events stored before the keys have none.
        events.createIndex(ascending(EVENT_KEY), new IndexOptions().unique(true).sparse(true).name("uniqueEventKey"));
    }

    /**
     * Indexes the events stored before there were indexes, in the order their timestamp tokens read them. One at a time
     * from the counter: both applications may do it at once, and whichever indexes an event first, each later event
     * of the same aggregate still gets a higher index.
     */
    private void indexEventsStoredWithout(MongoCollection<Document> events) {
        EventEntryConfiguration schema = eventConfiguration();
        for (Document event : events.find(exists(INDEX, false)).projection(include(ID))
                .sort(ascending(schema.timestampProperty(), schema.sequenceNumberProperty()))) {
            events.updateOne(and(eq(ID, event.get(ID)), exists(INDEX, false)), set(INDEX, reserve(1)));
        }
    }
}

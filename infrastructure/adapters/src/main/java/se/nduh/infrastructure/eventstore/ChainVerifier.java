package se.nduh.infrastructure.eventstore;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import se.nduh.kernel.hash.Hashes;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongConsumer;

import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Sorts.ascending;

/**
 * Checks the stored events' hash chains ({@link EventChain}) one aggregate at a time, as the store holds them, and
 * gives the Merkle root over the aggregates' last events ({@link MerkleTree}): the figure a checkpoint keeps. Reads
 * the store directly, never through Axon, so that nothing an upcaster or cache does hides what is stored.
 */
public final class ChainVerifier {

    /** What broke: the event's hash is not of what is stored; a sequence number is missing; or the link is wrong. */
    public enum Problem {
        /** The event is not what was stored: its hash is not of its contents. */
        ALTERED,
        /** The aggregate has no event with this sequence number, though it has later ones or a checkpoint knew it. */
        MISSING,
        /** The event does not follow the one before it: one was removed, inserted or moved. */
        BROKEN_LINK
    }

    /** The first event of an aggregate that does not hold, with the hash expected and the one found. */
    public record Break(String aggregate, long sequenceNumber, long position, Problem problem, String expected, String found) {
    }

    /**
     * @param eventsRead        the store's events read to find the region's
     * @param events            the region's events checked
     * @param eventsBeforeChain those stored before events carried a chain: checked for their order only
     * @param breaks            the first break of each broken aggregate, in the order of storage
     * @param root              the Merkle root over the aggregates' last events up to the position
     */
    public record Result(long eventsRead, long events, long eventsBeforeChain, int aggregates, List<Break> breaks, String root, long position) {

        public boolean intact() {
            return breaks.isEmpty();
        }
    }

    private static final String INDEX = GlobalIndexStorageStrategy.INDEX;
    private static final String AGGREGATE = StoredEvent.SCHEMA.aggregateIdentifierProperty();
    private static final String SEQUENCE = StoredEvent.SCHEMA.sequenceNumberProperty();
    private static final int BATCH = 1000;

    private final MongoCollection<Document> events;

    public ChainVerifier(MongoCollection<Document> events) {
        this.events = events;
    }

    /**
     * The position up to which every position of the global index is taken, by an event or a closed position: what
     * lies at or below it can no longer change except by tampering, so a checkpoint there stays true.
     */
    public long settledPosition() {
        BitSet taken = new BitSet();
        for (Document document : events.find().projection(include(INDEX)).batchSize(BATCH)) {
            Number index = (Number) document.get(INDEX);
            if (index != null && index.longValue() < Integer.MAX_VALUE) {
                taken.set(index.intValue());
            }
        }
        return taken.nextClearBit(0) - 1L;
    }

    /**
     * Checks every aggregate of the region with events at or below the position, in order of aggregate and
     * sequence number; {@code progress} hears the number of the store's events read so far, every thousand.
     */
    public Result verify(String region, long position, LongConsumer progress) {
        return walk(events.find(lte(INDEX, position)), region, position, progress);
    }

    /**
     * Checks the named aggregates only, such as one priority round and its needs, read by their aggregate ids (the
     * prefix of Axon's unique index on a real MongoDB); those not of the region are left out. Its root is over these
     * aggregates alone, at no position.
     */
    public Result verifyAggregates(String region, Collection<String> aggregateIds) {
        return walk(events.find(in(AGGREGATE, aggregateIds)), region, -1, read -> { });
    }

    /** Reads the events in order of aggregate and sequence number and checks them an aggregate at a time. */
    private Result walk(FindIterable<Document> found, String region, long position, LongConsumer progress) {
        Tally tally = new Tally(region);
        long read = 0;
        List<Document> aggregate = new ArrayList<>();
        for (Document document : found.sort(ascending(AGGREGATE, SEQUENCE)).batchSize(BATCH)) {
            if (document.containsKey(GlobalIndexStorageStrategy.CLOSED_AT)) {
                continue;
            }
            if (!aggregate.isEmpty() && !aggregate.get(0).get(AGGREGATE).equals(document.get(AGGREGATE))) {
                tally.check(aggregate);
                aggregate.clear();
            }
            aggregate.add(document);
            if (++read % BATCH == 0) {
                progress.accept(read);
            }
        }
        tally.check(aggregate);
        progress.accept(read);
        tally.breaks.sort(Comparator.comparingLong(Break::position));
        return new Result(read, tally.events, tally.beforeChain, tally.heads.size(), List.copyOf(tally.breaks),
                MerkleTree.root(tally.heads), position);
    }

    /** What a walk over one region's aggregates has found so far. */
    private static final class Tally {

        private final String region;
        private final List<Break> breaks = new ArrayList<>();
        private final List<byte[]> heads = new ArrayList<>();
        private long events;
        private long beforeChain;

        private Tally(String region) {
            this.region = region;
        }

        /** Checks one aggregate's events, if they are the region's: its first break, its head for the root, its counts. */
        private void check(List<Document> documents) {
            if (documents.isEmpty()) {
                return;
            }
            List<StoredEvent> stored = documents.stream().map(StoredEvent::of).toList();
            if (!region.equals(regionOf(stored))) {
                return;
            }
            String previousHash = EventChain.GENESIS;
            Break first = null;
            for (int place = 0; place < stored.size(); place++) {
                StoredEvent event = stored.get(place);
                events++;
                if (!EventChain.chained(event)) {
                    beforeChain++;
                }
                if (first == null) {
                    first = firstProblem(event, place, ((Number) documents.get(place).get(INDEX)).longValue(), previousHash);
                }
                previousHash = EventChain.hashOf(event);
            }
            if (first != null) {
                breaks.add(first);
            }
            StoredEvent last = stored.get(stored.size() - 1);
            heads.add(Hashes.lengthPrefixed(List.of(last.aggregateIdentifier(), Long.toString(last.sequenceNumber()), previousHash)));
        }
    }

    /** What is wrong with the aggregate's event at this place, after an event whose hash was {@code previousHash}. */
    private static Break firstProblem(StoredEvent event, long place, long position, String previousHash) {
        String aggregate = event.aggregateIdentifier();
        if (event.sequenceNumber() != place) {
            return new Break(aggregate, place, position, Problem.MISSING, "sequence number " + place,
                    "sequence number " + event.sequenceNumber());
        }
        if (!EventChain.chained(event)) {
            return null;
        }
        String claimedPrevious = event.metaData().get(EventChain.PREVIOUS_HASH);
        String recomputed = EventChain.hashOf(event, claimedPrevious == null ? EventChain.GENESIS : claimedPrevious);
        if (!recomputed.equals(event.metaData().get(EventChain.HASH))) {
            return new Break(aggregate, place, position, Problem.ALTERED, recomputed, event.metaData().get(EventChain.HASH));
        }
        if (!previousHash.equals(claimedPrevious)) {
            return new Break(aggregate, place, position, Problem.BROKEN_LINK, previousHash, claimedPrevious);
        }
        return null;
    }

    /** The region named by the aggregate's events, or, where none names one, by whoever acted on it. */
    private static String regionOf(List<StoredEvent> events) {
        for (StoredEvent event : events) {
            String region = event.payloadField("region");
            if (region != null) {
                return region;
            }
        }
        return events.get(0).metaData().get(EventStoreConfiguration.REGION);
    }
}

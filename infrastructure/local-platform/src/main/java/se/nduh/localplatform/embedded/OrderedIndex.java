package se.nduh.localplatform.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.AbstractMongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A secondary (non-unique) index of the embedded server, in key order, as MongoDB keeps one: mongo-java-server ignores
 * such indexes, so a registry page of one region, sorted and counted, read the whole collection twice per request and
 * slowed with every need of every region. A query with equalities on the index's first keys, sorted by the rest (or
 * their exact reverse), reads only its page; a count of those equalities alone reads two positions. The entries live
 * in an in-memory H2 map, which counts its keys (a position in key order costs a lookup, not a walk), and are rebuilt
 * from the documents when the collection opens (the server adds every document to a new index). Keys are read and
 * compared as the server's own sort reads and compares them; the indexes are meant for fields of single values.
 */
final class OrderedIndex<P> extends Index<P> {

    /** Bounds of a range: below and above every value. */
    private static final Object LOWEST = new Object();
    private static final Object HIGHEST = new Object();
    /** The driver's last stage of {@code countDocuments}. */
    private static final Document COUNT = new Document("$group", new Document("_id", 1).append("n", new Document("$sum", 1)));

    /** Key: the document's values of the index's keys, then its {@code _id}; value: its position in the collection. */
    private final MVMap<Object[], P> entries;

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        // The orders of the index's keys, then the ascending one of the _id that ends every entry's key.
        List<ValueComparator> orders = new ArrayList<>(keys.stream()
                .map(key -> key.isAscending() ? ValueComparator.asc() : ValueComparator.desc()).toList());
        orders.add(ValueComparator.asc());
        this.entries = new MVStore.Builder().open().openMap(name, new MVMap.Builder<Object[], P>()
                .keyType(new KeyOrder(orders)).valueType(new InMemory<>()));
    }

    private Object[] keyOf(Document document) {
        List<String> names = keys();
        Object[] key = new Object[names.size() + 1];
        for (int i = 0; i < names.size(); i++) {
            key[i] = Utils.getSubdocumentValueCollectionAware(document, names.get(i));
        }
        key[names.size()] = document.get("_id");
        return key;
    }

    @Override
    public P getPosition(Document document) {
        return entries.get(keyOf(document));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // Not unique: every document can be added.
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        entries.put(keyOf(document), position);
    }

    @Override
    public P remove(Document document) {
        return entries.remove(keyOf(document));
    }

    /** Queries are planned by {@link #plan}, which also knows the order asked for. */
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        throw new UnsupportedOperationException("An ordered index is read through its plan");
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // Not unique: every change can be made.
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        entries.remove(keyOf(oldDocument));
        entries.put(keyOf(newDocument), position);
    }

    @Override
    public void drop() {
        entries.clear();
    }

    /**
     * How an ordered index of the collection answers the query in the order asked for, or {@code null} when none can:
     * the index whose first keys the query fixes by equality (the most of them) and whose other keys are the order
     * asked for, from the first (or all reversed; no order takes the index's own).
     */
    static <P> Range<P> plan(List<Index<P>> indexes, Document query, Document orderBy) {
        Map<String, Object> equalities = new LinkedHashMap<>();
        boolean onlyEqualities = collectEqualities(query, equalities);
        Range<P> best = null;
        for (Index<P> index : indexes) {
            if (index instanceof OrderedIndex<P> ordered) {
                Range<P> range = ordered.range(equalities, onlyEqualities, orderBy);
                if (range != null && (best == null || range.fixed.length > best.fixed.length)) {
                    best = range;
                }
            }
        }
        return best;
    }

    private Range<P> range(Map<String, Object> equalities, boolean onlyEqualities, Document orderBy) {
        List<IndexKey> keys = getKeys();
        int fixed = 0;
        while (fixed < keys.size() && equalities.containsKey(keys.get(fixed).getKey())) {
            fixed++;
        }
        List<Map.Entry<String, Object>> order = orderBy == null ? List.of() : new ArrayList<>(orderBy.entrySet());
        if (order.size() > keys.size() - fixed || (fixed == 0 && order.isEmpty())) {
            return null;
        }
        Boolean reversed = null;
        for (int i = 0; i < order.size(); i++) {
            IndexKey key = keys.get(fixed + i);
            if (!key.getKey().equals(order.get(i).getKey()) || !(order.get(i).getValue() instanceof Number direction)) {
                return null;
            }
            boolean reverse = (direction.intValue() > 0) != key.isAscending();
            if (reversed != null && reversed != reverse) {
                return null;
            }
            reversed = reverse;
        }
        Object[] values = keys.subList(0, fixed).stream().map(key -> equalities.get(key.getKey())).toArray();
        return new Range<>(this, values, Boolean.TRUE.equals(reversed), onlyEqualities && equalities.size() == fixed);
    }

    /**
     * Collects the query's equalities on single values, at its top level and in its top-level {@code $and}s, and
     * answers whether the query is nothing else (every condition an equality, none on a field twice).
     */
    private static boolean collectEqualities(Document query, Map<String, Object> equalities) {
        boolean onlyEqualities = true;
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            String field = condition.getKey();
            Object value = condition.getValue();
            if (field.equals("$and") && value instanceof List<?> parts) {
                for (Object part : parts) {
                    onlyEqualities &= part instanceof Document document && collectEqualities(document, equalities);
                }
            } else if (!field.startsWith("$") && isSingleValue(value) && !equalities.containsKey(field)) {
                equalities.put(field, value);
            } else {
                onlyEqualities = false;
            }
        }
        return onlyEqualities;
    }

    /** A value an equality matches only itself by: not null (which matches missing fields), an array or an operator. */
    private static boolean isSingleValue(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    /**
     * The driver's {@code countDocuments} ({@code $match}, then {@code $group} by 1 summing 1) answered from an ordered
     * index, as MongoDB counts from one: from two positions when its range holds exactly the matching documents, else
     * by matching the range's documents only; empty for any other command and where no index fixes the query's first keys.
     */
    static Optional<Document> countDocuments(AbstractMongoDatabase<?> database, String name, Document command) {
        if (!name.equals("aggregate") || !(command.get("pipeline") instanceof List<?> pipeline) || pipeline.size() != 2
                || !(pipeline.get(0) instanceof Document first && first.size() == 1 && first.get("$match") instanceof Document query)
                || !COUNT.equals(pipeline.get(1))
                || !(database.resolveCollection(String.valueOf(command.get("aggregate")), false) instanceof AbstractMongoCollection<?> collection)) {
            return Optional.empty();
        }
        Range<?> range = plan(collection.getIndexes(), query, null);
        if (range == null) {
            return Optional.empty();
        }
        long count = range.exact() ? range.count() : collection.count(query, 0, 0);
        List<Document> batch = count == 0 ? List.of() : List.of(new Document("_id", 1).append("n", count));
        return Optional.of(new Document("cursor", new Document("id", 0L).append("ns", collection.getFullName()).append("firstBatch", batch))
                .append("ok", 1.0));
    }

    /**
     * The entries whose first keys equal {@code fixed}, in the index's order or reversed. {@code exact}: the query is
     * those equalities alone, so every entry of the range matches it.
     */
    record Range<P>(OrderedIndex<P> index, Object[] fixed, boolean reversed, boolean exact) {

        /** How many documents the range holds. */
        long count() {
            return rank(HIGHEST) - rank(LOWEST);
        }

        /** The positions of the range's documents in order, from the {@code skip}th on, read as they are consumed. */
        Stream<P> positions(long skip) {
            if (skip > 0 && skip >= count()) {
                return Stream.empty(); // H2's cursor skips past its upper bound
            }
            Object[] low = bound(LOWEST);
            Object[] high = bound(HIGHEST);
            Cursor<Object[], P> cursor = reversed ? index.entries.cursor(high, low, true) : index.entries.cursor(low, high, false);
            cursor.skip(skip);
            Iterator<P> values = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return cursor.hasNext();
                }

                @Override
                public P next() {
                    cursor.next();
                    return cursor.getValue();
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(values, 0), false);
        }

        private long rank(Object bound) {
            long index = this.index.entries.getKeyIndex(bound(bound));
            return -index - 1; // never found: a bound sorts between entries
        }

        private Object[] bound(Object bound) {
            Object[] key = new Object[fixed.length + 1];
            System.arraycopy(fixed, 0, key, 0, fixed.length);
            key[fixed.length] = bound;
            return key;
        }
    }

    /** Keys in the server's sort order, key by key; a shorter key (a bound) ends in one of the bounds. */
    private static final class KeyOrder extends BasicDataType<Object[]> {

        private final List<ValueComparator> orders;

        KeyOrder(List<ValueComparator> orders) {
            this.orders = orders;
        }

        @Override
        public int compare(Object[] a, Object[] b) {
            for (int i = 0; i < Math.min(a.length, b.length); i++) {
                int compared = compareValues(a[i], b[i], orders.get(i));
                if (compared != 0) {
                    return compared;
                }
            }
            return Integer.compare(a.length, b.length);
        }

        private static int compareValues(Object a, Object b, ValueComparator order) {
            if (a == b) {
                return 0;
            }
            if (a == LOWEST || b == HIGHEST) {
                return -1;
            }
            if (a == HIGHEST || b == LOWEST) {
                return 1;
            }
            return order.compare(a, b);
        }

        @Override
        public int getMemory(Object[] key) {
            return 24 + 40 * key.length;
        }

        @Override
        public void write(WriteBuffer buffer, Object[] key) {
            throw new UnsupportedOperationException("An ordered index lives in memory");
        }

        @Override
        public Object[] read(ByteBuffer buffer) {
            throw new UnsupportedOperationException("An ordered index lives in memory");
        }

        @Override
        public Object[][] createStorage(int size) {
            return new Object[size][];
        }
    }

    /** The positions, never written anywhere. */
    private static final class InMemory<P> extends BasicDataType<P> {

        @Override
        public int getMemory(P position) {
            return 16;
        }

        @Override
        public void write(WriteBuffer buffer, P position) {
            throw new UnsupportedOperationException("An ordered index lives in memory");
        }

        @Override
        public P read(ByteBuffer buffer) {
            throw new UnsupportedOperationException("An ordered index lives in memory");
        }

        @SuppressWarnings("unchecked")
        @Override
        public P[] createStorage(int size) {
            return (P[]) new Object[size];
        }
    }
}

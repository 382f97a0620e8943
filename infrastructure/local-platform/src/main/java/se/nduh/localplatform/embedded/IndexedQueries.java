package se.nduh.localplatform.embedded;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Finds the unique index that can narrow a query down, also when the query names more than the index's keys.
 * mongo-java-server takes an index only for a query of exactly its keys, so a guarded update such as
 * {@code {$and: [{_id: …}, {_version: {$lt: …}}]}} (how the Java driver writes {@code Filters.and}) read every
 * document of its collection: a read model's cost per event grew with the read model. MongoDB's planner uses the
 * {@code _id} index for such a query; with this, the embedded server does too.
 */
final class IndexedQueries {

    private IndexedQueries() {
    }

    /**
     * A query answered the fastest way the collection's indexes allow: from the unique index that narrows it to a few
     * candidates ({@link #candidates}), else along an ordered index's range, in order ({@link OrderedIndex#plan}), else by
     * the server, reading every document.
     *
     * @param fromCandidates matches, sorts and pages the candidates
     * @param inOrder        matches and limits the positions given in order, skipping as many matches as it is told
     */
    static <P> QueryResult answer(List<Index<P>> indexes, Document query, Document orderBy, int skip, Supplier<QueryResult> byServer,
                                  Function<Iterable<P>, QueryResult> fromCandidates, BiFunction<Stream<P>, Integer, QueryResult> inOrder) {
        Iterable<P> candidates = candidates(indexes, query);
        if (candidates != null) {
            return fromCandidates.apply(candidates);
        }
        OrderedIndex.Range<P> range = OrderedIndex.plan(indexes, query, orderBy);
        if (range == null) {
            return byServer.get();
        }
        // Where every document of the range matches, the skipped ones are not even read.
        return range.exact() ? inOrder.apply(range.positions(skip), 0) : inOrder.apply(range.positions(0), skip);
    }

    /**
     * The positions of the documents that can match, read from the first index whose every key the query
     * constrains in a way that index answers (equality or {@code $in}); {@code null} when there is none. The
     * caller still matches each document against the whole query.
     */
    static <P> Iterable<P> candidates(List<Index<P>> indexes, Document query) {
        Document conditions = new Document();
        collect(query, conditions);
        for (Index<P> index : indexes) {
            Document keys = new Document();
            for (IndexKey key : index.getKeys()) {
                if (!conditions.containsKey(key.getKey())) {
                    keys = null;
                    break;
                }
                keys.put(key.getKey(), conditions.get(key.getKey()));
            }
            if (keys != null && index.canHandle(keys)) {
                return index.getPositions(keys);
            }
        }
        return null;
    }

    /**
     * The field conditions of the query and of its top-level {@code $and}s. Every one of them must hold, so the
     * documents one of them selects include every match: other operators ({@code $or}, …) and a field's second
     * condition are left to the matching.
     */
    private static void collect(Document query, Document conditions) {
        query.forEach((field, condition) -> {
            if (field.equals("$and") && condition instanceof List<?> parts) {
                parts.stream().filter(Document.class::isInstance).forEach(part -> collect((Document) part, conditions));
            } else if (!field.startsWith("$")) {
                conditions.putIfAbsent(field, condition);
            }
        });
    }
}

package se.nduh.localplatform.embedded;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * The first documents of a sorted, limited query, kept in a bounded heap while the matches stream past. The server
 * itself sorts every match at once: a registry page of a region with 7,000 needs held all 7,000 for as long as it
 * was answered. Ties keep the order they came in, as the server's stable sort does.
 */
final class FirstInOrder {

    private FirstInOrder() {
    }

    /**
     * A query's result as the server gives it from {@code server} (its own matching, sorting, skipping, limiting and
     * projection), but where the query has an order and a limit, only its first {@code skip + limit} matches reach it.
     */
    static QueryResult answer(Document query, Stream<Document> documents, int skip, int limit, Comparator<Document> order,
                              BiPredicate<Document, Document> matches, BiFunction<Document, Stream<Document>, QueryResult> server) {
        if (order == null || limit <= 0) {
            return server.apply(query, documents);
        }
        return server.apply(new Document(), first(documents.filter(document -> matches.test(document, query)), (long) skip + limit, order));
    }

    /** The first {@code count} documents in the order, sorted. */
    static Stream<Document> first(Stream<Document> documents, long count, Comparator<Document> order) {
        Comparator<Arrival> inOrder = Comparator.comparing(Arrival::document, order).thenComparingLong(Arrival::number);
        PriorityQueue<Arrival> last = new PriorityQueue<>(inOrder.reversed());
        long[] arrived = {0};
        documents.forEachOrdered(document -> {
            Arrival arrival = new Arrival(document, arrived[0]++);
            if (last.size() < count) {
                last.add(arrival);
            } else if (inOrder.compare(arrival, last.peek()) < 0) {
                last.poll();
                last.add(arrival);
            }
        });
        return last.stream().sorted(inOrder).map(Arrival::document).toList().stream();
    }

    private record Arrival(Document document, long number) {
    }
}

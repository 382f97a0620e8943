package se.nduh.localplatform.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which documents a query is narrowed down to by a unique index, where the server itself would read them all. */
class IndexedQueriesTest {

    @SuppressWarnings("unchecked")
    private final MongoCollection<Integer> views = (MongoCollection<Integer>) new MemoryBackend().openOrCreateDatabase("test")
            .createCollectionOrThrowIfExists("views");

    IndexedQueriesTest() {
        for (String id : List.of("a", "b", "c")) {
            views.addDocument(new Document("_id", id).append("_version", 1));
        }
    }

    @Test
    void a_guarded_update_as_the_driver_writes_it_is_narrowed_by_its_id() {
        assertThat(candidates(and(new Document("_id", "b"), new Document("_version", new Document("$lt", 2))))).hasSize(1);
    }

    @Test
    void an_in_among_other_conditions_and_an_or_is_narrowed_to_the_listed_ids() {
        Document query = and(new Document("_id", new Document("$in", List.of("a", "c", "x"))),
                new Document("$or", List.of(new Document("priority", null), new Document("priority.roundId", "r"))));
        assertThat(candidates(query)).hasSize(2);
    }

    @Test
    void conditions_the_index_cannot_answer_leave_the_query_to_the_server() {
        assertThat(IndexedQueries.candidates(indexes(), new Document("_version", new Document("$lt", 2)))).isNull();
        assertThat(IndexedQueries.candidates(indexes(), new Document("_id", new Document("$gt", "a")))).isNull();
        assertThat(IndexedQueries.candidates(indexes(), new Document("$or", List.of(new Document("_id", "a"), new Document("_id", "b"))))).isNull();
    }

    private List<Integer> candidates(Document query) {
        Iterable<Integer> positions = IndexedQueries.candidates(indexes(), query);
        assertThat(positions).isNotNull();
        List<Integer> found = new ArrayList<>();
        positions.forEach(found::add);
        return found;
    }

    private List<Index<Integer>> indexes() {
        return views.getIndexes();
    }

    private static Document and(Document... parts) {
        return new Document("$and", List.of(parts));
    }
}

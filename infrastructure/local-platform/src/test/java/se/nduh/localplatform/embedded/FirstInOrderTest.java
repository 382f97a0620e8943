package se.nduh.localplatform.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sorted page answered from a bounded heap is the page the server's own sort would give: the same documents in the
 * same order, ties in the order the back end keeps them (here, as stored), through the driver against both back ends.
 */
class FirstInOrderTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void a_sorted_skipped_limited_filtered_page_is_the_one_a_full_sort_gives(boolean persistent) {
        try (EmbeddedMongo server = persistent ? EmbeddedMongo.persistent(directory.resolve("test.mv"), "127.0.0.1", 0)
                : EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> needs = client.getDatabase("test").getCollection("needs");
            List<Document> stored = IntStream.range(0, 300).mapToObj(number -> new Document("_id", String.format("need-%03d", number))
                    .append("region", number % 3 == 0 ? "halland" : "skane").append("grade", number % 7).append("title", "Behov " + number))
                    .toList();
            needs.insertMany(new ArrayList<>(stored));

            List<Document> page = needs.find(Filters.eq("region", "halland")).sort(Sorts.descending("grade"))
                    .skip(10).limit(25).into(new ArrayList<>());

            List<Object> expected = stored.stream().filter(need -> need.get("region").equals("halland"))
                    .sorted(Comparator.comparing((Document need) -> need.getInteger("grade")).reversed())
                    .skip(10).limit(25).map(need -> need.get("_id")).toList();
            assertThat(page).extracting(need -> need.get("_id")).containsExactlyElementsOf(expected);
            assertThat(needs.find(Filters.eq("region", "halland")).sort(Sorts.ascending("title")).limit(5)
                    .projection(new Document("title", 1)).first()).isEqualTo(new Document("_id", "need-000").append("title", "Behov 0"));
        }
    }
}

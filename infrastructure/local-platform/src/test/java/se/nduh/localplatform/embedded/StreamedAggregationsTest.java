package se.nduh.localplatform.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aggregations over the H2 back end read the collection as a stream of its documents (a count of a registry page
 * among them): they answer as MongoDB does, with writes made meanwhile seen by the next one.
 */
class StreamedAggregationsTest {

    @TempDir
    Path directory;

    @Test
    void counts_and_groups_see_every_document_of_the_collection_and_only_those() {
        try (EmbeddedMongo server = EmbeddedMongo.persistent(directory.resolve("test.mv"), "127.0.0.1", 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> needs = client.getDatabase("test").getCollection("needs");
            client.getDatabase("test").getCollection("other").insertOne(new Document("region", "halland"));
            needs.insertMany(new ArrayList<>(IntStream.range(0, 250).mapToObj(number -> new Document("_id", number)
                    .append("region", number % 5 == 0 ? "halland" : "skane")).toList()));

            assertThat(needs.countDocuments(Filters.eq("region", "halland"))).isEqualTo(50);
            assertThat(needs.countDocuments()).isEqualTo(250);
            List<Document> perRegion = needs.aggregate(List.of(Aggregates.group("$region", Accumulators.sum("needs", 1)),
                    Aggregates.sort(Sorts.ascending("_id")))).into(new ArrayList<>());
            assertThat(perRegion).containsExactly(new Document("_id", "halland").append("needs", 50),
                    new Document("_id", "skane").append("needs", 200));

            needs.deleteMany(Filters.eq("region", "skane"));
            assertThat(needs.countDocuments()).isEqualTo(50);
        }
    }
}

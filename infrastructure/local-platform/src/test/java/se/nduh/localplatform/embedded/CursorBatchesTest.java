package se.nduh.localplatform.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cursor over more than the driver takes in one message (48 MB) reads to its end, as against MongoDB, which answers
 * a {@code getMore} with at most 16 MB: the embedded server used to answer it with every document left.
 */
class CursorBatchesTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void a_find_over_60_mb_of_documents_reads_every_one(boolean persistent) {
        try (EmbeddedMongo server = persistent ? EmbeddedMongo.persistent(directory.resolve("test.mv"), "127.0.0.1", 0)
                : EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("test").getCollection("events");
            String payload = "x".repeat(20_000);
            for (int batch = 0; batch < 6; batch++) {
                int first = batch * 500;
                events.insertMany(new ArrayList<>(IntStream.range(first, first + 500)
                        .mapToObj(number -> new Document("_id", number).append("payload", payload)).toList()));
            }

            long read = 0;
            try (MongoCursor<Document> cursor = events.find().iterator()) {
                while (cursor.hasNext()) {
                    cursor.next();
                    read++;
                }
            }
            assertThat(read).isEqualTo(3_000);
        }
    }
}

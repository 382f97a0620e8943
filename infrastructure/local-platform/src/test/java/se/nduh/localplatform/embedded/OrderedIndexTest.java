package se.nduh.localplatform.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the driver, against both back ends: a collection with ordered indexes answers every page and count exactly
 * as a copy of it without them does (which the server answers by reading every document), through inserts, updates
 * and deletes, and, on H2, after the server is started again on its file.
 */
class OrderedIndexTest {

    private static final List<String> REGIONS = List.of("halland", "skane", "kalmar");
    private static final List<Bson> FILTERS = List.of(Filters.eq("region", "halland"),
            Filters.and(Filters.eq("region", "skane"), Filters.eq("withdrawn", false)),
            Filters.and(List.of(Filters.eq("region", "kalmar"))), new Document(), Filters.eq("withdrawn", true),
            Filters.and(Filters.eq("region", "halland"), Filters.ne("title", null)));
    private static final List<Bson> SORTS = List.of(Sorts.ascending("proposedAt", "_id"), Sorts.descending("proposedAt", "_id"),
            Sorts.descending("changedAt", "_id"), Sorts.ascending("changedAt", "_id"), Sorts.ascending("title", "_id"), new Document());

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void pages_and_counts_are_those_the_server_gives_without_the_indexes(boolean persistent) {
        try (EmbeddedMongo server = server(persistent); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> indexed = client.getDatabase("test").getCollection("indexed");
            MongoCollection<Document> plain = client.getDatabase("test").getCollection("plain");
            indexed.createIndex(Indexes.ascending("region", "proposedAt", "_id"));
            indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("region"), Indexes.descending("changedAt", "_id")));
            Random random = new Random(17);
            for (int number = 0; number < 400; number++) {
                Document need = need(number, random);
                indexed.insertOne(need);
                plain.insertOne(need);
            }
            change(indexed, plain, random);

            assertSameAnswers(indexed, plain);
        }
    }

    @Test
    void on_h2_the_indexes_are_built_again_when_the_server_starts_on_its_file() {
        Random random = new Random(5);
        try (EmbeddedMongo server = server(true); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> indexed = client.getDatabase("test").getCollection("indexed");
            indexed.createIndex(Indexes.ascending("region", "proposedAt", "_id"));
            IntStream.range(0, 100).forEach(number -> {
                Document need = need(number, random);
                indexed.insertOne(need);
                client.getDatabase("test").getCollection("plain").insertOne(need);
            });
        }
        try (EmbeddedMongo server = server(true); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> indexed = client.getDatabase("test").getCollection("indexed");
            MongoCollection<Document> plain = client.getDatabase("test").getCollection("plain");
            assertThat(indexed.countDocuments(Filters.eq("region", "skane"))).isPositive()
                    .isEqualTo(plain.countDocuments(Filters.eq("region", "skane")));
            change(indexed, plain, random);
            assertSameAnswers(indexed, plain);
        }
    }

    private EmbeddedMongo server(boolean persistent) {
        return persistent ? EmbeddedMongo.persistent(directory.resolve("test.mv"), "127.0.0.1", 0) : EmbeddedMongo.inMemory();
    }

    /** Needs with few distinct times (ties), some without a change time (missing sorts first) or a title. */
    private static Document need(int number, Random random) {
        Document need = new Document("_id", "need-" + random.nextInt(1_000_000) + "-" + number)
                .append("region", REGIONS.get(random.nextInt(REGIONS.size())))
                .append("proposedAt", "2026-11-" + (10 + random.nextInt(5)))
                .append("withdrawn", random.nextInt(4) == 0);
        if (random.nextInt(5) > 0) {
            need.append("changedAt", random.nextInt(30));
        }
        if (random.nextInt(3) > 0) {
            need.append("title", "Behov " + random.nextInt(50));
        }
        return need;
    }

    /** The same updates (moving needs between regions and times) and deletes in both collections. */
    private static void change(MongoCollection<Document> indexed, MongoCollection<Document> plain, Random random) {
        List<Object> ids = plain.find().map(need -> need.get("_id")).into(new ArrayList<>());
        for (int change = 0; change < 60; change++) {
            Bson one = Filters.eq("_id", ids.get(random.nextInt(ids.size())));
            Bson update = switch (change % 3) {
                case 0 -> Updates.set("region", REGIONS.get(random.nextInt(REGIONS.size())));
                case 1 -> Updates.set("changedAt", 100 + random.nextInt(10));
                default -> Updates.unset("changedAt");
            };
            indexed.updateOne(one, update);
            plain.updateOne(one, update);
        }
        for (int delete = 0; delete < 20; delete++) {
            Bson one = Filters.eq("_id", ids.get(random.nextInt(ids.size())));
            indexed.deleteOne(one);
            plain.deleteOne(one);
        }
        Document replacement = plain.find().first();
        replacement.put("proposedAt", "2026-12-01");
        indexed.replaceOne(Filters.eq("_id", replacement.get("_id")), replacement);
        plain.replaceOne(Filters.eq("_id", replacement.get("_id")), replacement);
    }

    private static void assertSameAnswers(MongoCollection<Document> indexed, MongoCollection<Document> plain) {
        for (Bson filter : FILTERS) {
            assertThat(indexed.countDocuments(filter)).as("count of %s", filter).isEqualTo(plain.countDocuments(filter));
            for (Bson sort : SORTS) {
                for (int skip : new int[] {0, 7, 60, 120, 500}) {
                    List<Object> expected = ids(plain, filter, sort, skip);
                    List<Object> actual = ids(indexed, filter, sort, skip);
                    if (sort instanceof Document unsorted && unsorted.isEmpty()) {
                        assertThat(actual).as("%s unsorted, skip %d", filter, skip).hasSameSizeAs(expected);
                    } else {
                        assertThat(actual).as("%s by %s, skip %d", filter, sort, skip).containsExactlyElementsOf(expected);
                    }
                }
            }
        }
    }

    private static List<Object> ids(MongoCollection<Document> collection, Bson filter, Bson sort, int skip) {
        return collection.find(filter).sort(sort).skip(skip).limit(25).map(need -> need.get("_id")).into(new ArrayList<>());
    }
}

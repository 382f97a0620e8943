package se.nduh.localplatform.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server's documents as BSON in H2: every BSON type comes back, and a store written before is read. */
class BsonDocumentsTest {

    @TempDir
    Path directory;

    @Test
    void documents_of_every_type_come_back_after_a_restart_and_are_stored_as_bson() {
        Path file = directory.resolve("nduh.mv");
        Document written = everyType("new");
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.connectionString() + "/?journal=true")) {
            client.getDatabase("db").getCollection("things").insertOne(written);
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(client.getDatabase("db").getCollection("things").find(Filters.eq("_id", "new")).first()).isEqualTo(written);
        }
        assertThat(firstBytesOfStoredDocuments(file, "databases.db.things")).containsOnly(BsonDocuments.BSON);
    }

    @Test
    void a_store_written_by_the_stock_backend_is_read_updated_and_added_to() {
        Path file = directory.resolve("nduh.mv");
        Document before = everyType("before");
        MongoServer stock = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + stock.bind().getPort())) {
            client.getDatabase("db").getCollection("things").insertOne(before);
        } finally {
            stock.shutdown();
        }

        Document after = everyType("after");
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.connectionString() + "/?journal=true")) {
            MongoCollection<Document> things = client.getDatabase("db").getCollection("things");
            assertThat(things.find(Filters.eq("_id", "before")).first()).isEqualTo(before);
            things.insertOne(after);
            things.updateOne(Filters.eq("_id", "before"), Updates.set("text", "changed"));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("db").getCollection("things");
            assertThat(things.find(Filters.eq("_id", "before")).first()).isEqualTo(before.append("text", "changed"));
            assertThat(things.find(Filters.eq("_id", "after")).first()).isEqualTo(after);
        }
    }

    @Test
    void a_document_counts_in_the_page_cache_by_what_it_holds() {
        BsonDocuments type = new BsonDocuments();
        de.bwaldvogel.mongo.bson.Document small = new de.bwaldvogel.mongo.bson.Document("_id", "a");
        de.bwaldvogel.mongo.bson.Document large = new de.bwaldvogel.mongo.bson.Document("_id", "b")
                .append("payload", new de.bwaldvogel.mongo.bson.Document("text", "x".repeat(10_000)))
                .append("list", List.of("y".repeat(5_000)));
        assertThat(type.getMemory(large)).isGreaterThan(2 * 15_000).isGreaterThan(100 * type.getMemory(small));
    }

    private static Document everyType(String id) {
        return new Document("_id", id).append("text", "Behovsanalys åäö").append("int", 42).append("long", 1L << 40)
                .append("double", 0.25).append("yes", true).append("nothing", null).append("at", new Date(1_700_000_000_000L))
                .append("objectId", new ObjectId()).append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("decimal", new Decimal128(new BigDecimal("12.3400")))
                .append("nested", new Document("list", List.of(1, "two", new Document("three", 3.0))));
    }

    /** The first byte of each document value the store's map holds, read without decoding them. */
    private static List<Byte> firstBytesOfStoredDocuments(Path file, String map) {
        List<Byte> first = new ArrayList<>();
        MVStore store = MVStore.open(file.toString());
        try {
            MVMap<Object, Byte> documents = store.openMap(map, new MVMap.Builder<Object, Byte>().valueType(new FirstByte()));
            documents.values().forEach(first::add);
        } finally {
            store.close();
        }
        return first;
    }

    /** Reads a BSON-tagged value as its tag alone, skipping the document by its length. */
    private static final class FirstByte extends BasicDataType<Byte> {
        @Override
        public Byte read(ByteBuffer buffer) {
            byte tag = buffer.get();
            int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
            buffer.position(buffer.position() + length);
            return tag;
        }

        @Override
        public void write(WriteBuffer buffer, Byte value) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public int getMemory(Byte value) {
            return 16;
        }

        @Override
        public Byte[] createStorage(int size) {
            return new Byte[size];
        }
    }
}

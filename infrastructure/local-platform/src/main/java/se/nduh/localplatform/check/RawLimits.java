package se.nduh.localplatform.check;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.ObjectId;
import se.nduh.infrastructure.mongo.MongoConfiguration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the servers themselves can do, measured with their own drivers in the same run as the platform's figures:
 * the limits the platform's figures are divided by. Scratch data goes to a database and a topic of its own,
 * dropped afterwards.
 */
final class RawLimits {

    static final int RECORD_BYTES = 300;
    private static final String SCRATCH_DATABASE = "nduh_bench_scratch";
    private static final String SCRATCH_TOPIC = "nduh.bench.scratch";
    private static final String PAYLOAD_TYPE = "payloadType";
    /** What fills a document up to {@value #RECORD_BYTES} bytes (every field but the padding has a fixed size). */
    private static final String PADDING = "x".repeat(RECORD_BYTES - new RawBsonDocument(
            new Document("_id", new ObjectId()).append("number", 0).append("padding", ""), new DocumentCodec())
            .getByteBuffer().remaining());

    /** A count done in a time, as a rate. */
    record Rate(long count, double seconds) {
        double perSecond() {
            return count / seconds;
        }
    }

    private final MongoClient mongo;
    private final String eventsDatabase;
    private final String readDatabase;
    private final String kafka;

    RawLimits(MongoClient mongo, String eventsDatabase, String readDatabase, String kafka) {
        this.mongo = mongo;
        this.eventsDatabase = eventsDatabase;
        this.readDatabase = readDatabase;
        this.kafka = kafka;
    }

    /**
     * Single-document inserts of {@value #RECORD_BYTES}-byte documents, each acknowledged before the client's next, with
     * the event store's write concern: each in the journal before it is acknowledged.
     */
    Load.Measured inserts(int clients, Duration warmUp, Duration duration) {
        MongoDatabase scratch = mongo.getDatabase(SCRATCH_DATABASE).withWriteConcern(MongoConfiguration.DURABLE);
        try {
            MongoCollection<Document> documents = scratch.getCollection("inserts");
            return Load.warmedUp(clients, warmUp, duration, number -> documents.insertOne(documentOf(number)));
        } finally {
            scratch.drop();
        }
    }

    /** A document of exactly {@value #RECORD_BYTES} bytes of BSON: an id, a number and padding. */
    private static Document documentOf(int number) {
        return new Document("_id", new ObjectId()).append("number", number).append("padding", PADDING);
    }

    /**
     * The documents a registry page reads, fetched as the page does: one region's needs sorted by when they were
     * proposed, the first 50 (the page's count of the region is not included).
     */
    Load.Measured registryFinds(List<String> regions, int clients, Duration warmUp, Duration duration) {
        MongoCollection<Document> needs = mongo.getDatabase(readDatabase).getCollection("needs");
        return Load.warmedUp(clients, warmUp, duration, number -> needs
                .find(Filters.eq("region", regions.get(number % regions.size())))
                .sort(Sorts.ascending("proposedAt", "_id")).limit(50).into(new ArrayList<>()));
    }

    /**
     * Every document of the event store read once through one cursor and decoded, as the events among them per
     * second (the store also holds the global index's closed positions, which a tracking processor reads past too).
     */
    Rate cursorReadOfEvents() {
        long started = System.nanoTime();
        long events = 0;
        try (MongoCursor<Document> documents = eventStore().find().iterator()) {
            while (documents.hasNext()) {
                events += documents.next().containsKey(PAYLOAD_TYPE) ? 1 : 0;
            }
        }
        return new Rate(events, (System.nanoTime() - started) / 1e9);
    }

    /** One aggregate's events found by its id in order of sequence number, as the event store reads them to replay it, from 1 client. */
    Load.Measured aggregateReads(String aggregateId, Duration duration) {
        return Load.closedLoop(1, duration, number -> eventStore().find(Filters.eq("aggregateIdentifier", aggregateId))
                .sort(Sorts.ascending("sequenceNumber")).into(new ArrayList<>()));
    }

    /** The events in the store: its documents that have a payload (not the global index's closed positions). */
    long storedEvents() {
        return eventStore().countDocuments(Filters.exists(PAYLOAD_TYPE));
    }

    private MongoCollection<Document> eventStore() {
        return mongo.getDatabase(eventsDatabase).getCollection("domainevents");
    }

    /**
     * {@code records} keyed records of {@value #RECORD_BYTES} bytes sent to a scratch topic by one producer set up as
     * the platform's publishers are (idempotent, {@code acks=all}, 5 ms linger), timed until the broker has them all.
     */
    Rate kafkaProducer(int records, int partitions) throws Exception {
        Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        try (Admin topics = Admin.create(admin)) {
            topics.createTopics(List.of(new NewTopic(SCRATCH_TOPIC, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                return produce(records);
            } finally {
                topics.deleteTopics(List.of(SCRATCH_TOPIC)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private Rate produce(int records) {
        byte[] value = new byte[RECORD_BYTES];
        Arrays.fill(value, (byte) 'x');
        AtomicInteger failed = new AtomicInteger();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            // The first send waits for the topic's metadata: not part of the rate.
            producer.send(new ProducerRecord<>(SCRATCH_TOPIC, "warm-up", value)).get(30, TimeUnit.SECONDS);
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(SCRATCH_TOPIC, "record-" + i, value), (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
            return new Rate(records - failed.get(), (System.nanoTime() - started) / 1e9);
        } catch (Exception e) {
            throw new IllegalStateException("The Kafka producer failed", e);
        }
    }
}

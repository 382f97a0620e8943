package se.nduh.infrastructure.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import se.nduh.kernel.signing.RecordSignatures;
import se.nduh.kernel.signing.SigningKey;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Puts records of one published-language type on their own compacted topic: an idempotent producer with
 * {@code acks=all}, a key per record, JSON values checked against the topic's schema, each record signed
 * ({@link RecordSignatures}). The topic is created compacted when missing. The records the broker acknowledged are
 * counted ({@value #PUBLISHED}, by topic), tombstones included.
 *
 * @param <T> the published record type
 */
public class TopicPublisher<T> implements AutoCloseable {

    /**
     * How long one publish waits for the broker in all. By default Axon interrupts an event handler after 30 s and a
     * processor's batch after 60 s, and an interrupted processor stops for good: with the broker away, a publish must
     * fail well before that (its caller sends again), not wait out Kafka's own two-minute delivery timeout.
     */
    private static final Duration ACKNOWLEDGEMENT_WAIT = Duration.ofSeconds(15);
    /** How long one send may block while the producer waits for the topic's partitions or for room in its buffer. */
    private static final Duration SEND_BLOCK = Duration.ofSeconds(5);
    static final String PUBLISHED = "nduh.kafka.records.published";

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper json;
    private final PublishedTopic<T> topic;
    private final Counter published;

    public TopicPublisher(KafkaProperties properties, ObjectMapper json, PublishedTopic<T> topic, String clientId,
                          MeterRegistry metrics) {
        this.json = json;
        this.topic = topic;
        this.published = Counter.builder(PUBLISHED).description("Records the broker acknowledged, tombstones included")
                .tag("topic", topic.name()).register(metrics);
        KafkaTopics.ensureCompacted(properties, topic.name(), properties.partitions());
        this.producer = new KafkaProducer<>(properties.client(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                // Each publish waits for its records: a linger would only add itself to every wait.
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_BLOCK.toMillis())),
                new StringSerializer(), new StringSerializer());
    }

    /** The record as it goes on the topic, with its key; a record that fails the topic's schema is never produced. */
    private Map.Entry<String, String> serialise(T record) {
        JsonNode tree = json.valueToTree(record);
        String recordKey = topic.keyOf().apply(tree);
        List<String> violations = topic.schema().violations(tree);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("Record " + recordKey + " fails the schema of " + topic.name() + ": " + violations);
        }
        return Map.entry(recordKey, tree.toString());
    }

    /** Returns once the broker has the record, signed with the key: the caller's event counts as handled only then. */
    public void publish(T record, SigningKey signer) {
        publish(List.of(record), List.of(), key -> signer);
    }

    /**
     * Sends the records and a tombstone for each retracted key, each signed with the key {@code signers} gives for
     * its Kafka key, and returns once the broker has them all: the caller's events count as handled only then.
     * Every record is serialised (and so checked) before any is sent. Throws when the broker has not taken them all
     * within {@link #ACKNOWLEDGEMENT_WAIT}; what it had not yet sent may still arrive later, and a record sent again
     * changes nothing for consumers, who keep a revision only when it is newer.
     */
    public void publish(Collection<T> records, Collection<String> retractedKeys, Function<String, SigningKey> signers) {
        List<Map.Entry<String, String>> outgoing = new ArrayList<>();
        records.stream().map(this::serialise).forEach(outgoing::add);
        retractedKeys.forEach(retracted -> outgoing.add(new AbstractMap.SimpleEntry<>(retracted, null)));
        long deadline = System.nanoTime() + ACKNOWLEDGEMENT_WAIT.toNanos();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try {
            for (Map.Entry<String, String> record : outgoing) {
                // Signed as it is sent: the producer sends the first records while the later ones are being signed.
                sent.add(producer.send(signed(record.getKey(), record.getValue(), signers)));
                // Each send can block for the partitions while the broker is away: stop at the deadline, not after every record.
                if (System.nanoTime() - deadline > 0) {
                    throw new TimeoutException();
                }
            }
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            published.increment(outgoing.size());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + outgoing.size() + " records on " + topic.name()
                    + " within " + ACKNOWLEDGEMENT_WAIT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to " + topic.name(), e);
        }
    }

    private ProducerRecord<String, String> signed(String recordKey, String value, Function<String, SigningKey> signers) {
        SigningKey signer = signers.apply(recordKey);
        Base64.Encoder base64 = Base64.getEncoder();
        Headers headers = new RecordHeaders()
                .add(RecordSignatures.SIGNER_HEADER, base64.encode(signer.publicKey()))
                .add(RecordSignatures.SIGNATURE_HEADER, base64.encode(signer.sign(RecordSignatures.message(topic.name(), recordKey, value))));
        return new ProducerRecord<>(topic.name(), null, recordKey, value, headers);
    }

    @Override
    public void close() {
        producer.close();
    }
}

package se.nduh.infrastructure.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import se.nduh.kernel.comparison.ComparisonRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts anonymised comparison records on {@value ComparisonRecord#TOPIC}: an idempotent producer with
 * {@code acks=all}, keyed by metric, period and region pseudonym, JSON values checked against the record's
 * schema first, so a record that fails it is never produced.
 */
public class ComparisonPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper json;

    public ComparisonPublisher(KafkaProperties properties, ObjectMapper json) {
        this.json = json;
        ComparisonTopic.ensureCompacted(properties.bootstrapServers(), ComparisonRecord.TOPIC, properties.partitions());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "nduh-comparison-publisher",
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer());
    }

    /** The record as it goes on the topic; refused when it fails the schema. */
    public String serialise(ComparisonRecord record) {
        JsonNode tree = json.valueToTree(record);
        List<String> violations = ComparisonSchema.violations(tree);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("Comparison record " + record.key() + " fails its schema: " + violations);
        }
        try {
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + record.key(), e);
        }
    }

    /**
     * Sends the records and a tombstone for each retracted key, and returns once the broker has them all: the
     * caller's events count as handled only then. Every record is checked before anything is sent.
     */
    public void publish(Collection<ComparisonRecord> records, Collection<String> retractedKeys) {
        List<ProducerRecord<String, String>> outgoing = new ArrayList<>();
        records.forEach(record -> outgoing.add(new ProducerRecord<>(ComparisonRecord.TOPIC, record.key(), serialise(record))));
        retractedKeys.forEach(key -> outgoing.add(new ProducerRecord<>(ComparisonRecord.TOPIC, key, null)));
        List<Future<RecordMetadata>> sent = outgoing.stream().map(producer::send).toList();
        producer.flush();
        try {
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + sent.size() + " comparison records", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing comparison records", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

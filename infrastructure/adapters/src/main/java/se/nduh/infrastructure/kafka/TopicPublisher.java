package se.nduh.infrastructure.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
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
 * {@code acks=all}, a key per record, JSON values. The topic is created compacted when missing.
 *
 * @param <T> the published record type
 */
public class TopicPublisher<T> implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper json;
    private final String topic;
    private final Function<T, String> key;

    public TopicPublisher(KafkaProperties properties, ObjectMapper json, String topic, String clientId, Function<T, String> key) {
        this.json = json;
        this.topic = topic;
        this.key = key;
        KafkaTopics.ensureCompacted(properties, topic, properties.partitions());
        this.producer = new KafkaProducer<>(properties.client(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.LINGER_MS_CONFIG, 5)),
                new StringSerializer(), new StringSerializer());
    }

    /** The record as it goes on the topic; a subclass refuses what its schema does not allow. */
    public String serialise(T record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + key.apply(record), e);
        }
    }

    protected ObjectMapper json() {
        return json;
    }

    /** Returns once the broker has the record: the caller's event counts as handled only then. */
    public void publish(T record) {
        publish(List.of(record), List.of());
    }

    /**
     * Sends the records and a tombstone for each retracted key, and returns once the broker has them all: the
     * caller's events count as handled only then. Every record is serialised (and so checked) before any is sent.
     */
    public void publish(Collection<T> records, Collection<String> retractedKeys) {
        List<ProducerRecord<String, String>> outgoing = new ArrayList<>();
        records.forEach(record -> outgoing.add(new ProducerRecord<>(topic, key.apply(record), serialise(record))));
        retractedKeys.forEach(retracted -> outgoing.add(new ProducerRecord<>(topic, retracted, null)));
        List<Future<RecordMetadata>> sent = outgoing.stream().map(producer::send).toList();
        producer.flush();
        try {
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + sent.size() + " records on " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

package se.nduh.infrastructure.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.concurrent.ExecutionException;
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
        ComparisonTopic.ensureCompacted(properties.bootstrapServers(), topic, properties.partitions());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer());
    }

    /** Returns once the broker has the record: the caller's event counts as handled only then. */
    public void publish(T record) {
        String recordKey = key.apply(record);
        try {
            producer.send(new ProducerRecord<>(topic, recordKey, json.writeValueAsString(record)))
                    .get(30, TimeUnit.SECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + record, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + recordKey, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing " + recordKey, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

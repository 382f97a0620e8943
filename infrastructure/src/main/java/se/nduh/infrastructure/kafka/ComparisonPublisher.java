package se.nduh.infrastructure.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import se.nduh.kernel.comparison.ComparisonRecord;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts anonymised comparison records on {@value ComparisonRecord#TOPIC}: an idempotent producer with
 * {@code acks=all}, keyed by metric, period and region pseudonym, JSON values.
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

    /** Returns once the broker has the record: the caller's event counts as handled only then. */
    public void publish(ComparisonRecord record) {
        try {
            producer.send(new ProducerRecord<>(ComparisonRecord.TOPIC, record.key(), json.writeValueAsString(record)))
                    .get(30, TimeUnit.SECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + record, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + record.key(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing " + record.key(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

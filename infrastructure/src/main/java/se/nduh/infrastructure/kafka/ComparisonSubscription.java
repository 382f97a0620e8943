package se.nduh.infrastructure.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.nduh.kernel.comparison.ComparisonRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads {@value ComparisonRecord#TOPIC} on its own thread and hands each record to a handler; offsets are
 * committed only after the handler returns, so a crash re-delivers rather than loses. A record that is not
 * valid JSON, fails the schema, has an unknown schema version or a key that is not its own goes to
 * {@value ComparisonRecord#DEAD_LETTER_TOPIC} with the reason in a header, and the next one is applied.
 */
public class ComparisonSubscription implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ComparisonSubscription.class);

    /** The header of a dead letter that says why it was parked. */
    public static final String REASON_HEADER = "nduh-dead-letter-reason";

    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final ObjectMapper json;
    private final Handler handler;
    private final KafkaProducer<String, String> deadLetters;
    private volatile boolean running = true;

    /** What the subscriber does with a valid record, and with a key retracted by a tombstone. */
    public interface Handler {
        void apply(ComparisonRecord record);

        void retract(String key);
    }

    public ComparisonSubscription(KafkaProperties properties, ObjectMapper json, Handler handler) {
        this.json = json;
        this.handler = handler;
        ComparisonTopic.ensureCompacted(properties.bootstrapServers(), ComparisonRecord.TOPIC, properties.partitions());
        ComparisonTopic.ensureRetained(properties.bootstrapServers(), ComparisonRecord.DEAD_LETTER_TOPIC, 1);
        this.deadLetters = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "nduh-comparison-dead-letters"),
                new StringSerializer(), new StringSerializer());
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, properties.consumerGroup(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        this.thread = new Thread(this::run, "comparison-subscription");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(ComparisonRecord.TOPIC));
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (TopicPartition partition : records.partitions()) {
                    handlePartition(partition, records.records(partition));
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("The comparison subscription stopped", e);
        } finally {
            consumer.close();
        }
    }

    /**
     * Handles a partition's records in order and commits each; on a failure (the read model is down, say)
     * it rewinds the partition to the failed record, so it comes again on a later poll.
     */
    private void handlePartition(TopicPartition partition, List<ConsumerRecord<String, String>> records) {
        long next = records.get(0).offset();
        for (ConsumerRecord<String, String> record : records) {
            try {
                handle(record);
                next = record.offset() + 1;
            } catch (RuntimeException e) {
                log.warn("Cannot apply comparison record {}@{}; retrying it", partition, record.offset(), e);
                consumer.seek(partition, record.offset());
                pause();
                break;
            }
        }
        if (next > records.get(0).offset()) {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(next)));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_BACKOFF.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            handler.retract(record.key());
            return;
        }
        JsonNode tree;
        try {
            tree = json.readTree(record.value());
        } catch (JsonProcessingException e) {
            deadLetter(record, "not JSON: " + e.getOriginalMessage());
            return;
        }
        if (tree.path("schemaVersion").asInt(-1) != ComparisonRecord.SCHEMA_VERSION) {
            deadLetter(record, "unknown schema version " + tree.path("schemaVersion"));
            return;
        }
        List<String> violations = ComparisonSchema.violations(tree);
        if (!violations.isEmpty()) {
            deadLetter(record, "fails the schema: " + String.join("; ", violations));
            return;
        }
        ComparisonRecord comparison;
        try {
            comparison = json.treeToValue(tree, ComparisonRecord.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            deadLetter(record, "unreadable: " + e.getMessage());
            return;
        }
        if (!comparison.key().equals(record.key())) {
            deadLetter(record, "key " + record.key() + " is not the record's own key " + comparison.key());
            return;
        }
        handler.apply(comparison);
    }

    /** Parks the record with the reason and where it came from; returns once the broker has it. */
    private void deadLetter(ConsumerRecord<String, String> record, String reason) {
        log.warn("Comparison record {}-{}@{} goes to {}: {}", record.topic(), record.partition(), record.offset(),
                ComparisonRecord.DEAD_LETTER_TOPIC, reason);
        ProducerRecord<String, String> parked = new ProducerRecord<>(ComparisonRecord.DEAD_LETTER_TOPIC, record.key(), record.value());
        parked.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8))
                .add("nduh-source", (record.topic() + "-" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            deadLetters.send(parked).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the dead letter of " + record.key(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while parking " + record.key(), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
        deadLetters.close();
    }
}

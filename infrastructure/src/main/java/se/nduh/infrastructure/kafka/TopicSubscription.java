package se.nduh.infrastructure.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads one published-language topic on its own thread and hands each record to a handler; offsets are
 * committed only after the handler returns, so a crash re-delivers rather than loses. A record that cannot be
 * read as the type is logged and skipped; one the handler fails on is retried.
 *
 * @param <T> the published record type
 */
public class TopicSubscription<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicSubscription.class);

    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final ObjectMapper json;
    private final Consumer<T> handler;
    private final String topic;
    private final Class<T> type;
    private volatile boolean running = true;

    /**
     * @param groupId    the consumer group: one per deployment and topic, so each deployment reads every record
     * @param threadName the name of the polling thread
     */
    public TopicSubscription(KafkaProperties properties, ObjectMapper json, String topic, Class<T> type, String groupId,
                             String threadName, Consumer<T> handler) {
        this.json = json;
        this.handler = handler;
        this.topic = topic;
        this.type = type;
        ComparisonTopic.ensureCompacted(properties.bootstrapServers(), topic, properties.partitions());
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (TopicPartition partition : records.partitions()) {
                    handlePartition(partition, records.records(partition));
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("The subscription to {} stopped", topic, e);
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
                log.warn("Cannot apply record {}@{}; retrying it", partition, record.offset(), e);
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
        T value;
        try {
            value = json.readValue(record.value(), type);
        } catch (Exception e) {
            log.warn("Skipping an unreadable {} at {}-{}@{}", type.getSimpleName(), record.topic(), record.partition(), record.offset(), e);
            return;
        }
        handler.accept(value);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}

package se.nduh.infrastructure.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Reads one published-language topic on its own thread and hands each record to a handler; offsets are
 * committed only after the handler returns, so a crash re-delivers rather than loses, and a record the handler
 * fails on is retried. A record that is not valid JSON or not a valid record of the type goes to the dead-letter
 * topic with the reason in a header, and the next one is applied. A failure of the consumer itself (a rebalance
 * that voids a commit, a broker away) starts a new consumer after a growing pause, never ends the subscription;
 * until it consumes again, its health is {@code DOWN}.
 *
 * @param <T> the published record type
 */
public class TopicSubscription<T> implements AutoCloseable, HealthIndicator {

    /** The header of a dead letter that says why it was parked. */
    public static final String REASON_HEADER = "nduh-dead-letter-reason";

    private static final Logger log = LoggerFactory.getLogger(TopicSubscription.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);
    private static final Duration RESTART_BACKOFF_LIMIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);

    /** What the subscriber does with a valid record, and with a key a tombstone retracts. */
    @FunctionalInterface
    public interface Handler<T> {
        void apply(T record);

        default void retract(String key) {
            // most topics never retract
        }
    }

    private final Supplier<KafkaConsumer<String, String>> consumers;
    private volatile KafkaConsumer<String, String> consumer;
    /** Why the subscription is not consuming right now, or null while it is. */
    private volatile String notConsuming = "starting";
    private final KafkaProducer<String, String> deadLetters;
    private final Thread thread;
    private final ObjectMapper json;
    private final Handler<T> handler;
    private final String topic;
    private final String deadLetterTopic;
    private final Class<T> type;
    private volatile boolean running = true;

    /**
     * @param groupId         the consumer group: one per deployment and topic, so each deployment reads every record
     * @param threadName      the name of the polling thread
     * @param deadLetterTopic where records that cannot be applied go, with the reason
     */
    public TopicSubscription(KafkaProperties properties, ObjectMapper json, String topic, Class<T> type, String groupId,
                             String threadName, String deadLetterTopic, Handler<T> handler) {
        this.json = json;
        this.handler = handler;
        this.topic = topic;
        this.type = type;
        this.deadLetterTopic = deadLetterTopic;
        KafkaTopics.ensureCompacted(properties, topic, properties.partitions());
        KafkaTopics.ensureRetained(properties, deadLetterTopic, 1);
        this.deadLetters = new KafkaProducer<>(properties.client(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, threadName + "-dead-letters")),
                new StringSerializer(), new StringSerializer());
        Map<String, Object> consumerConfig = properties.client(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        this.consumers = () -> new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Why a well-formed JSON record must not be applied, if it must not; a subclass checks its schema here. */
    protected Optional<String> problemWith(JsonNode record, String key) {
        return Optional.empty();
    }

    /** {@code DOWN} while the subscription is not consuming: starting, or waiting to start again after a failure. */
    @Override
    public Health health() {
        String problem = notConsuming;
        return problem == null ? Health.up().withDetail("topic", topic).build()
                : Health.down().withDetail("topic", topic).withDetail("problem", problem).build();
    }

    private void run() {
        Duration backoff = RETRY_BACKOFF;
        while (running) {
            try (KafkaConsumer<String, String> active = consumers.get()) {
                consumer = active;
                active.subscribe(List.of(topic));
                while (running) {
                    ConsumerRecords<String, String> records = active.poll(POLL);
                    notConsuming = null;
                    backoff = RETRY_BACKOFF;
                    for (TopicPartition partition : records.partitions()) {
                        handlePartition(active, partition, records.records(partition));
                    }
                }
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                notConsuming = e.getClass().getSimpleName() + ": " + e.getMessage();
                log.error("The subscription to {} failed; a new consumer starts in {} s", topic, backoff.toSeconds(), e);
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(RESTART_BACKOFF_LIMIT) > 0 ? RESTART_BACKOFF_LIMIT : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Handles a partition's records in order and commits each; on a failure (the read model is down, say)
     * it rewinds the partition to the failed record, so it comes again on a later poll.
     */
    private void handlePartition(KafkaConsumer<String, String> consumer, TopicPartition partition,
                                 List<ConsumerRecord<String, String>> records) {
        long next = records.get(0).offset();
        for (ConsumerRecord<String, String> record : records) {
            try {
                handle(record);
                next = record.offset() + 1;
            } catch (RuntimeException e) {
                log.warn("Cannot apply record {}@{}; retrying it", partition, record.offset(), e);
                consumer.seek(partition, record.offset());
                pause(RETRY_BACKOFF);
                break;
            }
        }
        if (next > records.get(0).offset()) {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(next)));
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
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
        Optional<String> problem = problemWith(tree, record.key());
        if (problem.isPresent()) {
            deadLetter(record, problem.get());
            return;
        }
        T value;
        try {
            value = json.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            deadLetter(record, "not a " + type.getSimpleName() + ": " + e.getMessage());
            return;
        }
        handler.apply(value);
    }

    /** Parks the record with the reason and where it came from; returns once the broker has it. */
    private void deadLetter(ConsumerRecord<String, String> record, String reason) {
        log.warn("Record {}-{}@{} goes to {}: {}", record.topic(), record.partition(), record.offset(), deadLetterTopic, reason);
        ProducerRecord<String, String> parked = new ProducerRecord<>(deadLetterTopic, record.key(), record.value());
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
        KafkaConsumer<String, String> active = consumer;
        if (active != null) {
            active.wakeup();
        }
        thread.interrupt();
        thread.join(Duration.ofSeconds(10).toMillis());
        deadLetters.close();
    }
}

package se.nduh.infrastructure.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import se.nduh.kernel.signing.RecordSignatures;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Reads one published-language topic on its own thread and hands each record to a handler. It is assigned every
 * partition of the topic and keeps its place in the deployment's own store ({@link SubscriptionOffsets}), saved
 * only after the handler returns, so a crash re-delivers rather than loses, and no consumer group exists for
 * anyone else to join. Every record must be signed ({@link RecordSignatures}) by a signer the topic's
 * {@link SignerRule} accepts; a record that is not, or is not valid JSON, or not a valid record of the type, goes
 * to the dead-letter topic with the reason in a header, and the next one is applied; so does one that fails the
 * topic's schema or whose key is not its own. A record the handler fails on
 * is retried. A failure of the consumer itself, or a broker that does not answer the periodic check, starts a new
 * consumer after a growing pause, never ends the subscription; until it consumes again, its health is {@code DOWN}.
 * The records applied and dead-lettered are counted ({@value #CONSUMED}, by topic and outcome).
 *
 * @param <T> the published record type
 */
public class TopicSubscription<T> implements AutoCloseable, HealthIndicator {

    /** The header of a dead letter that says why it was parked. */
    public static final String REASON_HEADER = "nduh-dead-letter-reason";
    static final String CONSUMED = "nduh.kafka.records.consumed";

    private static final Logger log = LoggerFactory.getLogger(TopicSubscription.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);
    private static final Duration RESTART_BACKOFF_LIMIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);
    /** How often the broker must answer (new partitions, how far behind) for the subscription to count as consuming. */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(10);
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(5);

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
    private volatile long behind;
    private final KafkaProducer<String, String> deadLetters;
    private final Thread thread;
    private final ObjectMapper json;
    private final PublishedTopic<T> topic;
    private final SubscriptionOffsets offsets;
    private final Handler<T> handler;
    private volatile boolean running = true;
    private final Counter applied;
    private final Counter deadLettered;

    public TopicSubscription(KafkaProperties properties, ObjectMapper json, PublishedTopic<T> topic, SubscriptionOffsets offsets,
                             Handler<T> handler, MeterRegistry metrics) {
        this.json = json;
        this.topic = topic;
        this.offsets = offsets;
        this.handler = handler;
        this.applied = consumed(metrics, "applied");
        this.deadLettered = consumed(metrics, "dead-lettered");
        KafkaTopics.ensureCompacted(properties, topic.name(), properties.partitions());
        KafkaTopics.ensureRetained(properties, topic.deadLetterTopic(), 1);
        this.deadLetters = new KafkaProducer<>(properties.client(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, topic.name() + "-dead-letters")),
                new StringSerializer(), new StringSerializer());
        Map<String, Object> consumerConfig = properties.client(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, topic.name() + "-subscription",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        this.consumers = () -> new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
        this.thread = new Thread(this::run, topic.name() + "-subscription");
        thread.setDaemon(true);
        thread.start();
    }

    private Counter consumed(MeterRegistry metrics, String outcome) {
        return Counter.builder(CONSUMED).description("Records read from the topic: applied (tombstones included), or dead-lettered")
                .tag("topic", topic.name()).tag("outcome", outcome).register(metrics);
    }

    /** {@code DOWN} while the subscription is not consuming: starting, or waiting to start again after a failure. */
    @Override
    public Health health() {
        String problem = notConsuming;
        return problem == null ? Health.up().withDetail("topic", topic.name()).withDetail("behind", behind).build()
                : Health.down().withDetail("topic", topic.name()).withDetail("problem", problem).build();
    }

    private void run() {
        Duration backoff = RETRY_BACKOFF;
        while (running) {
            try (KafkaConsumer<String, String> active = consumers.get()) {
                consumer = active;
                assignEveryPartition(active);
                Instant nextCheck = Instant.now().plus(CHECK_EVERY);
                while (running) {
                    ConsumerRecords<String, String> records = active.poll(POLL);
                    for (TopicPartition partition : records.partitions()) {
                        handlePartition(active, partition, records.records(partition));
                    }
                    if (Instant.now().isAfter(nextCheck)) {
                        assignEveryPartition(active);
                        nextCheck = Instant.now().plus(CHECK_EVERY);
                        backoff = RETRY_BACKOFF;
                    }
                }
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                notConsuming = e.getClass().getSimpleName() + ": " + e.getMessage();
                log.error("The subscription to {} failed; a new consumer starts in {} s", topic.name(), backoff.toSeconds(), e);
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(RESTART_BACKOFF_LIMIT) > 0 ? RESTART_BACKOFF_LIMIT : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Asks the broker for the topic's partitions and their ends (so a broker away throws here, and the
     * subscription says it is down), takes up any partition not yet assigned at its saved place, and notes how
     * far behind the subscription is.
     */
    private void assignEveryPartition(KafkaConsumer<String, String> active) {
        List<TopicPartition> partitions = active.partitionsFor(topic.name(), BROKER_TIMEOUT).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        Map<TopicPartition, Long> ends = active.endOffsets(partitions, BROKER_TIMEOUT);
        Set<TopicPartition> assigned = active.assignment();
        if (!assigned.containsAll(partitions)) {
            Map<Integer, Long> saved = offsets.load(topic.name());
            active.assign(partitions);
            for (TopicPartition partition : partitions) {
                if (!assigned.contains(partition)) {
                    active.seek(partition, saved.getOrDefault(partition.partition(), 0L));
                }
            }
        }
        behind = partitions.stream().mapToLong(partition -> Math.max(0, ends.get(partition) - active.position(partition))).sum();
        notConsuming = null;
    }

    /**
     * Handles a partition's records in order and saves the place after them; on a failure (the read model is
     * down, say) it rewinds the partition to the failed record, so it comes again on a later poll.
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
            offsets.save(topic.name(), partition.partition(), next);
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
        byte[] signer = header(record, RecordSignatures.SIGNER_HEADER);
        byte[] signature = header(record, RecordSignatures.SIGNATURE_HEADER);
        if (signer == null || signature == null) {
            deadLetter(record, "not signed: the headers " + RecordSignatures.SIGNER_HEADER + " and "
                    + RecordSignatures.SIGNATURE_HEADER + " must hold a base64 Ed25519 public key and signature");
            return;
        }
        if (!RecordSignatures.verifies(signer, RecordSignatures.message(record.topic(), record.key(), record.value()), signature)) {
            deadLetter(record, "the signature does not verify under the key in " + RecordSignatures.SIGNER_HEADER);
            return;
        }
        if (record.value() == null) {
            Optional<String> problem = topic.signers().problemWith(signer, record.key(), null);
            if (problem.isPresent()) {
                deadLetter(record, problem.get());
            } else {
                handler.retract(record.key());
                applied.increment();
            }
            return;
        }
        JsonNode tree;
        try {
            tree = json.readTree(record.value());
        } catch (JsonProcessingException e) {
            deadLetter(record, "not JSON: " + e.getOriginalMessage());
            return;
        }
        Optional<String> problem = problemWith(tree, record.key()).or(() -> topic.signers().problemWith(signer, record.key(), tree));
        if (problem.isPresent()) {
            deadLetter(record, problem.get());
            return;
        }
        T value;
        try {
            value = json.treeToValue(tree, topic.type());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            deadLetter(record, "not a " + topic.type().getSimpleName() + ": " + e.getMessage());
            return;
        }
        handler.apply(value);
        applied.increment();
    }

    /** Why a JSON record must not be applied, if it must not: it fails the schema, or its key is not its own. */
    private Optional<String> problemWith(JsonNode record, String key) {
        List<String> violations = topic.schema().violations(record);
        if (!violations.isEmpty()) {
            return Optional.of("fails the schema: " + String.join("; ", violations));
        }
        String ownKey = topic.keyOf().apply(record);
        return ownKey.equals(key) ? Optional.empty() : Optional.of("key " + key + " is not the record's own key " + ownKey);
    }

    /** A header's base64 value, or null when it is missing or not base64. */
    private static byte[] header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(header.value());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Parks the record, its headers kept, with the reason and where it came from; returns once the broker has it. */
    private void deadLetter(ConsumerRecord<String, String> record, String reason) {
        log.warn("Record {}-{}@{} goes to {}: {}", record.topic(), record.partition(), record.offset(), topic.deadLetterTopic(), reason);
        ProducerRecord<String, String> parked = new ProducerRecord<>(topic.deadLetterTopic(), null, record.key(), record.value(),
                new RecordHeaders(record.headers().toArray()));
        parked.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8))
                .add("nduh-source", (record.topic() + "-" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            deadLetters.send(parked).get(30, TimeUnit.SECONDS);
            deadLettered.increment();
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

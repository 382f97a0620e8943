package se.nduh.localplatform.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Status;
import se.nduh.infrastructure.kafka.KafkaProperties;
import se.nduh.infrastructure.kafka.PublishedSchema;
import se.nduh.infrastructure.kafka.PublishedTopic;
import se.nduh.infrastructure.kafka.SubscriptionOffsets;
import se.nduh.infrastructure.kafka.TopicPublisher;
import se.nduh.infrastructure.kafka.TopicSubscription;
import se.nduh.kernel.signing.RecordSignatures;
import se.nduh.kernel.signing.SigningKey;
import se.nduh.localplatform.embedded.EmbeddedKafka;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subscription over a real broker: only records signed by a signer its topic accepts are applied, the rest are
 * dead-lettered with the reason; nobody joining a consumer group takes records away from it; a failed consumer
 * and a stopped broker show as {@code DOWN} until it consumes again, and nothing is lost meanwhile.
 */
class TopicSubscriptionIT {

    record Note(String id) {
    }

    private static final String TOPIC = "notes.v1";
    private static final String DEAD_LETTERS = "notes.dlq.v1";
    private static final SigningKey TRUSTED = SigningKey.fromSeed("the trusted signer's 32-byte key".getBytes(StandardCharsets.UTF_8));
    private static final SigningKey STRANGER = SigningKey.fromSeed("a stranger's key of thirty-two b".getBytes(StandardCharsets.UTF_8));
    private static final PublishedTopic<Note> NOTES = new PublishedTopic<>(TOPIC, Note.class, DEAD_LETTERS,
            PublishedSchema.of("/notes/note.v1.schema.json"), note -> note.path("id").asText(),
            (signer, key, value) -> Arrays.equals(signer, TRUSTED.publicKey()) ? Optional.empty() : Optional.of("not the trusted signer"));

    /** The place kept in memory; it can be made to fail once, as a read database that goes away would. */
    static final class Offsets implements SubscriptionOffsets {
        final Map<Integer, Long> saved = new ConcurrentHashMap<>();
        final AtomicBoolean failOnce = new AtomicBoolean();

        @Override
        public Map<Integer, Long> load(String topic) {
            return Map.copyOf(saved);
        }

        @Override
        public void save(String topic, int partition, long next) {
            if (failOnce.getAndSet(false)) {
                throw new IllegalStateException("the read database is away");
            }
            saved.put(partition, next);
        }
    }

    @TempDir
    Path dir;

    private final Set<String> applied = ConcurrentHashMap.newKeySet();
    private final Offsets offsets = new Offsets();

    @Test
    void only_records_of_a_signer_the_topic_accepts_are_applied_and_the_rest_are_dead_lettered_with_the_reason() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.onFreePorts(dir.resolve("kafka"))) {
            KafkaProperties properties = new KafkaProperties(kafka.bootstrapServers(), 2, 0, null);
            try (TopicSubscription<Note> subscription = new TopicSubscription<>(properties, new ObjectMapper(), NOTES, offsets, note -> applied.add(note.id()),
                    new SimpleMeterRegistry());
                 TopicPublisher<Note> publisher = new TopicPublisher<>(properties, new ObjectMapper(), NOTES, "notes-publisher", new SimpleMeterRegistry());
                 KafkaProducer<String, String> raw = new KafkaProducer<>(properties.client(Map.of()), new StringSerializer(), new StringSerializer())) {
                publisher.publish(new Note("by-stranger"), STRANGER);
                ProducerRecord<String, String> unsigned = new ProducerRecord<>(TOPIC, "unsigned", "{\"id\":\"unsigned\"}");
                raw.send(unsigned).get();
                ProducerRecord<String, String> altered = new ProducerRecord<>(TOPIC, "altered", "{\"id\":\"altered\"}");
                altered.headers().add(RecordSignatures.SIGNER_HEADER, Base64.getEncoder().encode(TRUSTED.publicKey()))
                        .add(RecordSignatures.SIGNATURE_HEADER, Base64.getEncoder().encode(
                                TRUSTED.sign(RecordSignatures.message(TOPIC, "altered", "{\"id\":\"original\"}"))));
                raw.send(altered).get();
                publisher.publish(new Note("trusted"), TRUSTED);

                await().atMost(Duration.ofSeconds(60)).until(() -> applied.contains("trusted"));
                assertThat(applied).containsExactly("trusted");
                assertThat(deadLetters(properties, 3)).containsExactlyInAnyOrder(
                        "by-stranger: not the trusted signer",
                        "unsigned: not signed: the headers nduh-signer and nduh-signature must hold a base64 Ed25519 public key and signature",
                        "altered: the signature does not verify under the key in nduh-signer");
            }
        }
    }

    @Test
    void a_consumer_joining_any_group_takes_nothing_away_from_the_subscription() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.onFreePorts(dir.resolve("kafka"))) {
            KafkaProperties properties = new KafkaProperties(kafka.bootstrapServers(), 2, 0, null);
            try (TopicSubscription<Note> subscription = new TopicSubscription<>(properties, new ObjectMapper(), NOTES, offsets, note -> applied.add(note.id()),
                    new SimpleMeterRegistry());
                 TopicPublisher<Note> publisher = new TopicPublisher<>(properties, new ObjectMapper(), NOTES, "notes-publisher", new SimpleMeterRegistry());
                 KafkaConsumer<String, String> thief = new KafkaConsumer<>(properties.client(Map.of(
                         ConsumerConfig.GROUP_ID_CONFIG, "nduh-benchmarks", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")),
                         new StringDeserializer(), new StringDeserializer())) {
                thief.subscribe(List.of(TOPIC));
                List<String> taken = new ArrayList<>();
                List<String> sent = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    sent.add("n" + i);
                    publisher.publish(new Note("n" + i), TRUSTED);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    thief.poll(Duration.ofMillis(200)).forEach(record -> taken.add(record.key()));
                    return applied.containsAll(sent);
                });
                assertThat(applied).containsExactlyInAnyOrderElementsOf(sent);
            }
        }
    }

    @Test
    void a_failed_consumer_or_a_stopped_broker_shows_as_down_until_it_consumes_again_and_nothing_is_lost() throws Exception {
        int port = EmbeddedKafka.freePort();
        int controllerPort = EmbeddedKafka.freePort();
        Path log = dir.resolve("kafka");
        EmbeddedKafka kafka = EmbeddedKafka.start(log, port, controllerPort);
        KafkaProperties properties = new KafkaProperties(kafka.bootstrapServers(), 1, 0, null);
        List<Status> seen = new CopyOnWriteArrayList<>();
        try (TopicSubscription<Note> subscription = new TopicSubscription<>(properties, new ObjectMapper(), NOTES, offsets, note -> applied.add(note.id()),
                    new SimpleMeterRegistry());
             TopicPublisher<Note> publisher = new TopicPublisher<>(properties, new ObjectMapper(), NOTES, "notes-publisher", new SimpleMeterRegistry())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> subscription.health().getStatus() == Status.UP);

            offsets.failOnce.set(true);
            publisher.publish(new Note("a"), TRUSTED);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
                seen.add(subscription.health().getStatus());
                return seen.contains(Status.DOWN) && subscription.health().getStatus() == Status.UP && offsets.saved.getOrDefault(0, 0L) == 1L;
            });
            assertThat(applied).containsExactly("a");

            kafka.close();
            await().atMost(Duration.ofSeconds(60)).until(() -> subscription.health().getStatus() == Status.DOWN);
            kafka = EmbeddedKafka.start(log, port, controllerPort);
            publisher.publish(new Note("b"), TRUSTED);
            await().atMost(Duration.ofSeconds(90)).until(() -> applied.contains("b") && subscription.health().getStatus() == Status.UP);
        } finally {
            kafka.close();
        }
    }

    /** The dead letters as "key: reason", read with a consumer of our own. */
    private static List<String> deadLetters(KafkaProperties properties, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties.client(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            List<String> letters = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> letter : consumer.poll(Duration.ofMillis(200))) {
                    letters.add(letter.key() + ": " + new String(letter.headers().lastHeader(TopicSubscription.REASON_HEADER).value(), StandardCharsets.UTF_8));
                }
                return letters.size() >= expected;
            });
            return letters;
        }
    }
}

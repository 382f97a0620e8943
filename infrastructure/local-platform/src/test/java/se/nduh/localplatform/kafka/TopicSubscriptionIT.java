package se.nduh.localplatform.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Status;
import se.nduh.infrastructure.kafka.KafkaProperties;
import se.nduh.infrastructure.kafka.TopicSubscription;
import se.nduh.localplatform.embedded.EmbeddedKafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subscription whose consumer fails (here: a handler slower than the poll interval, so the group moves on and
 * the commit is refused, as in a rebalance) says so in its health, starts a new consumer and goes on; the record
 * comes again and every later record is applied.
 */
class TopicSubscriptionIT {

    record Note(String id) {
    }

    @TempDir
    Path dir;

    @Test
    void a_failed_consumer_is_replaced_and_health_says_down_until_it_consumes_again() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.onFreePorts(dir.resolve("kafka"))) {
            // The client properties file is how a real cluster's settings (SASL, TLS) reach every client; here it
            // shortens the poll interval so that a slow handler costs the consumer its place in the group.
            Path client = Files.writeString(dir.resolve("client.properties"), "max.poll.interval.ms=1500\n");
            KafkaProperties properties = new KafkaProperties(kafka.bootstrapServers(), "notes", 1, client);
            AtomicBoolean slowOnce = new AtomicBoolean(true);
            Set<String> applied = ConcurrentHashMap.newKeySet();
            List<Status> seen = new CopyOnWriteArrayList<>();
            TopicSubscription<Note> subscription = new TopicSubscription<>(properties, new ObjectMapper(), "notes.v1", Note.class,
                    "notes-group", "notes-subscription", "notes.dlq.v1", note -> {
                if (slowOnce.getAndSet(false)) {
                    sleep(Duration.ofSeconds(4));
                }
                applied.add(note.id());
            });
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties.client(Map.of()),
                    new StringSerializer(), new StringSerializer())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> subscription.health().getStatus() == Status.UP);
                producer.send(new ProducerRecord<>("notes.v1", "a", "{\"id\":\"a\"}")).get();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
                    seen.add(subscription.health().getStatus());
                    return seen.contains(Status.DOWN) && subscription.health().getStatus() == Status.UP && applied.contains("a");
                });
                producer.send(new ProducerRecord<>("notes.v1", "b", "{\"id\":\"b\"}")).get();
                await().atMost(Duration.ofSeconds(30)).until(() -> applied.contains("b"));
            } finally {
                subscription.close();
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

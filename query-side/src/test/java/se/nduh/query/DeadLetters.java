package se.nduh.query;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import se.nduh.infrastructure.kafka.TopicSubscription;
import se.nduh.localplatform.testing.RunningServers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** The dead letters on a topic, read with a consumer of the test's own. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /** The reasons of the dead letters of these keys, by their source, once at least {@code expected} have arrived. */
    public static Map<String, String> reasons(String deadLetterTopic, int expected, String... keys) {
        Set<String> wanted = Set.of(keys);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningServers.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(deadLetterTopic));
            Map<String, String> reasons = new HashMap<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> letter : consumer.poll(Duration.ofMillis(500))) {
                    if (wanted.contains(letter.key())) {
                        reasons.put(new String(letter.headers().lastHeader("nduh-source").value(), StandardCharsets.UTF_8),
                                new String(letter.headers().lastHeader(TopicSubscription.REASON_HEADER).value(), StandardCharsets.UTF_8));
                    }
                }
                return reasons.size() >= expected;
            });
            return reasons;
        }
    }
}

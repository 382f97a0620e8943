package se.nduh.localplatform.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.nduh.infrastructure.kafka.KafkaProperties;
import se.nduh.infrastructure.kafka.PublishedSchema;
import se.nduh.infrastructure.kafka.PublishedTopic;
import se.nduh.infrastructure.kafka.TopicPublisher;
import se.nduh.infrastructure.kafka.TopicSubscription;
import se.nduh.kernel.signing.SigningKey;
import se.nduh.localplatform.embedded.EmbeddedKafka;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On a cluster of three brokers, configured as production is ({@code NDUH_KAFKA_REPLICAS=3}), the platform's topics
 * get three replicas and {@code min.insync.replicas} 2, and with
 * its producers' {@code acks=all} a broker stopped in the middle of a stream loses nothing the publisher was told
 * was taken: the subscription applies every record.
 */
class ThreeBrokerClusterIT {

    record Note(String id) {
    }

    private static final String TOPIC = "cluster-notes.v1";
    private static final SigningKey SIGNER = SigningKey.fromSeed("the cluster test's 32-byte key!!".getBytes(StandardCharsets.UTF_8));
    private static final PublishedTopic<Note> NOTES = new PublishedTopic<>(TOPIC, Note.class, "cluster-notes.dlq.v1",
            PublishedSchema.of("/notes/note.v1.schema.json"), note -> note.path("id").asText(), (signer, key, value) -> Optional.empty());

    @TempDir
    Path dir;

    @Test
    void a_broker_stopped_mid_stream_loses_no_acknowledged_record() throws Exception {
        List<EmbeddedKafka> brokers = EmbeddedKafka.cluster(dir, 3);
        try {
            KafkaProperties properties = new KafkaProperties(brokers.stream().map(EmbeddedKafka::bootstrapServers)
                    .collect(Collectors.joining(",")), 3, 3, null);
            Set<String> applied = ConcurrentHashMap.newKeySet();
            List<String> acknowledged = new ArrayList<>();
            try (TopicPublisher<Note> publisher = new TopicPublisher<>(properties, new ObjectMapper(), NOTES, "cluster-publisher", new SimpleMeterRegistry());
                 TopicSubscription<Note> subscription = new TopicSubscription<>(properties, new ObjectMapper(), NOTES,
                         new TopicSubscriptionIT.Offsets(), note -> applied.add(note.id()), new SimpleMeterRegistry())) {
                assertReplicatedThreeTimesWithTwoInSync(properties);
                for (int i = 0; i < 300; i++) {
                    if (i == 100) {
                        brokers.get(1).close();
                    }
                    String id = "n" + i;
                    // As the comparison publisher does: a publish the broker did not acknowledge is sent again.
                    await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> {
                        publisher.publish(new Note(id), SIGNER);
                        return true;
                    });
                    acknowledged.add(id);
                }
                await().atMost(Duration.ofSeconds(120)).until(() -> applied.containsAll(acknowledged));
                assertThat(applied).containsExactlyInAnyOrderElementsOf(acknowledged);
            }
        } finally {
            EmbeddedKafka.closeAll(List.of(brokers.get(0), brokers.get(2)));
        }
    }

    private static void assertReplicatedThreeTimesWithTwoInSync(KafkaProperties properties) throws Exception {
        try (Admin admin = Admin.create(properties.client(Map.of()))) {
            TopicDescription topic = admin.describeTopics(Set.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS).get(TOPIC);
            assertThat(topic.partitions()).allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            Config config = admin.describeConfigs(Set.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("2");
        }
    }
}

package se.nduh.localplatform.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.nduh.infrastructure.kafka.KafkaProperties;
import se.nduh.infrastructure.kafka.KafkaTopics;
import se.nduh.localplatform.embedded.EmbeddedKafka;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A topic gets the replicas configured or none at all: a cluster with fewer brokers in service than
 * {@code NDUH_KAFKA_REPLICAS} refuses it, named by the setting, instead of a topic replicated fewer times for good.
 * Unconfigured, a single broker gets a topic with one replica.
 */
class KafkaTopicsIT {

    @TempDir
    Path dir;

    @Test
    void a_topic_gets_the_configured_replicas_or_is_not_created() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.onFreePorts(dir.resolve("kafka"))) {
            KafkaProperties three = new KafkaProperties(kafka.bootstrapServers(), 1, 3, null);
            assertThatThrownBy(() -> KafkaTopics.ensureCompacted(three, "replicated.v1", 1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("replicated.v1").hasMessageContaining("3 replicas (NDUH_KAFKA_REPLICAS)");

            KafkaProperties unconfigured = new KafkaProperties(kafka.bootstrapServers(), 1, 0, null);
            KafkaTopics.ensureCompacted(unconfigured, "local.v1", 2);
            try (Admin admin = Admin.create(unconfigured.client(Map.of()))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("local.v1").doesNotContain("replicated.v1");
                TopicDescription local = admin.describeTopics(Set.of("local.v1")).allTopicNames().get(30, TimeUnit.SECONDS).get("local.v1");
                assertThat(local.partitions()).hasSize(2).allSatisfy(partition -> assertThat(partition.replicas()).hasSize(1));
            }
        }
    }
}

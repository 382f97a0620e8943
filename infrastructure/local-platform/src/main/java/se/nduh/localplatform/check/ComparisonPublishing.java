package se.nduh.localplatform.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import se.nduh.infrastructure.kafka.KafkaProperties;
import se.nduh.infrastructure.kafka.PublishedTopic;
import se.nduh.infrastructure.kafka.TopicPublisher;
import se.nduh.kernel.comparison.AnonymisationPolicy;
import se.nduh.kernel.comparison.ComparisonRecord;
import se.nduh.kernel.signing.SigningKey;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Comparison publishing as the query side does it, apart from computing the figures: the platform's own publisher
 * ({@link TopicPublisher}: each record checked against the comparison schema, keyed, signed with Ed25519, sent by an
 * idempotent producer with {@code acks=all}) sending a region's figures a batch at a time, as the query side's figure
 * sender does, each batch acknowledged by the broker before the next. To a scratch topic of its own, deleted
 * afterwards, so that no region's comparisons ever see these records.
 */
final class ComparisonPublishing {

    /** About what one region's refresh sends at most at once: each of its metrics for a year or two. */
    static final int BATCH = 100;
    private static final String SCRATCH_TOPIC = "nduh.bench.comparisons";
    private static final SigningKey SIGNER = SigningKey.fromSeed("the benchmark's own 32-byte key!".getBytes(StandardCharsets.UTF_8));

    private ComparisonPublishing() {
    }

    /** {@code records} comparison records published in batches of {@value #BATCH}, timed from the first batch to the last acknowledgement. */
    static RawLimits.Rate measure(String bootstrapServers, int partitions, int records) throws Exception {
        KafkaProperties kafka = new KafkaProperties(bootstrapServers, partitions, 0, null);
        PublishedTopic<ComparisonRecord> comparisons = PublishedTopic.comparisons(region -> Optional.empty());
        PublishedTopic<ComparisonRecord> scratch = new PublishedTopic<>(SCRATCH_TOPIC, comparisons.type(),
                comparisons.deadLetterTopic(), comparisons.schema(), comparisons.keyOf(), comparisons.signers());
        String pseudonym = AnonymisationPolicy.pseudonymOf(SIGNER.publicKey());
        try (TopicPublisher<ComparisonRecord> publisher = new TopicPublisher<>(kafka, new ObjectMapper(), scratch,
                "nduh-bench-publisher", new SimpleMeterRegistry())) {
            publisher.publish(record(-1, pseudonym), SIGNER); // waits for the topic's metadata: not part of the rate
            long started = System.nanoTime();
            for (int first = 0; first < records; first += BATCH) {
                List<ComparisonRecord> batch = IntStream.range(first, Math.min(records, first + BATCH))
                        .mapToObj(number -> record(number, pseudonym)).toList();
                publisher.publish(batch, List.of(), key -> SIGNER);
            }
            return new RawLimits.Rate(records, (System.nanoTime() - started) / 1e9);
        } finally {
            try (Admin admin = Admin.create(kafka.client(Map.of()))) {
                admin.deleteTopics(List.of(SCRATCH_TOPIC)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static ComparisonRecord record(int number, String region) {
        return new ComparisonRecord(ComparisonRecord.SCHEMA_VERSION, "bench.figure-" + (number + 1), "2025", region, false,
                BigDecimal.valueOf(Math.floorMod(number, 1_000), 1), false, 12 + Math.floorMod(number, 50), 1);
    }
}

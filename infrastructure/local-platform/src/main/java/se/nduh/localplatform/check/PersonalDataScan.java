package se.nduh.localplatform.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import se.nduh.infrastructure.kafka.PublishedSchema;
import se.nduh.kernel.comparison.ComparisonRecord;
import se.nduh.kernel.comparison.Metric;
import se.nduh.kernel.comparison.Metrics;
import se.nduh.kernel.period.Period;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads every record on the comparison topic and checks it against its schema and against everything personal
 * or free-text the region's events and users hold: user ids, usernames and names, titles, descriptions,
 * commission texts, ids, dates and region names — and region codes, except a named region's own. Prints its
 * figures; exits non-zero on any finding.
 *
 * <pre>java -cp … se.nduh.localplatform.check.PersonalDataScan MONGODB_URI EVENTS_DATABASE KAFKA_BOOTSTRAP DATA_DIR</pre>
 */
public final class PersonalDataScan {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENUM = Pattern.compile("[A-Z][A-Z_]*");
    private static final int SHORTEST = 4;
    private static final Set<String> CYCLE_CODES = Metrics.CYCLE.stream().map(Metric::code).collect(Collectors.toSet());

    private PersonalDataScan() {
    }

    /** What the region holds that must never leave it: texts to look for, and the region codes. */
    public record Secrets(Set<String> texts, Set<String> regionCodes) {
    }

    public static void main(String[] args) throws IOException {
        Secrets secrets;
        try (MongoClient mongo = MongoClients.create(args[0])) {
            secrets = secretsOf(mongo.getDatabase(args[1]).getCollection("domainevents").find(), Path.of(args[3]));
        }
        List<String> records = readTopic(args[2], ComparisonRecord.TOPIC);
        List<String> findings = findings(secrets, records);
        System.out.printf("Personal data scan: %d comparison records against %d texts and %d region codes: %d findings%n",
                records.size(), secrets.texts().size(), secrets.regionCodes().size(), findings.size());
        findings.stream().limit(20).forEach(finding -> System.out.println("  " + finding));
        if (!findings.isEmpty() || records.isEmpty()) {
            System.exit(1);
        }
        System.out.println("Personal data scan passed");
    }

    /** The secrets in stored events (Axon Mongo documents) and in the deployment's user files. */
    public static Secrets secretsOf(Iterable<Document> events, Path dataDir) throws IOException {
        Set<String> texts = new HashSet<>();
        Set<String> regions = new HashSet<>();
        for (Document event : events) {
            if (!event.containsKey("serializedPayload")) {
                continue; // a closed position of the global index: no event
            }
            texts.add(event.getString("aggregateIdentifier"));
            collect("", JSON.readTree(event.getString("serializedPayload")), texts, regions);
            JsonNode metadata = JSON.readTree(event.getString("serializedMetaData"));
            if (metadata.hasNonNull("userId")) {
                texts.add(metadata.get("userId").asText());
            }
        }
        for (String file : List.of("users.csv", "demo-users.csv")) {
            Path users = dataDir.resolve(file);
            if (Files.exists(users)) {
                Files.readAllLines(users).stream().skip(1).forEach(line -> {
                    String[] columns = line.split(",");
                    texts.add(columns[0]);
                    if ("users.csv".equals(file) && columns.length > 5) {
                        texts.add(columns[1]);
                        texts.add(columns[5]);
                    }
                });
            }
        }
        texts.removeIf(text -> text == null || text.strip().length() < SHORTEST);
        return new Secrets(texts, regions);
    }

    /**
     * Every text of an event: free text, ids and dates. Enum names, periods and codes of the shared indicator
     * catalogue are the published vocabulary.
     */
    private static void collect(String field, JsonNode node, Set<String> texts, Set<String> regions) {
        if (node.isObject()) {
            node.fields().forEachRemaining(member -> collect(member.getKey(), member.getValue(), texts, regions));
        } else if (node.isArray()) {
            node.forEach(element -> collect(field, element, texts, regions));
        } else if (node.isTextual() && "region".equals(field)) {
            regions.add(node.asText());
        } else if (node.isTextual() && !"catalogueCode".equals(field) && !ENUM.matcher(node.asText()).matches()
                && !Period.isWellFormed(node.asText())) {
            texts.add(node.asText());
        }
    }

    /** What is wrong with the records: a schema violation, a secret text, or a region code not its own named one. */
    public static List<String> findings(Secrets secrets, Collection<String> records) throws IOException {
        List<String> findings = new ArrayList<>();
        for (String record : records) {
            JsonNode tree = JSON.readTree(record);
            PublishedSchema.COMPARISON.violations(tree).forEach(violation -> findings.add("schema: " + violation + " in " + record));
            // A metric of the cycle is published vocabulary: a secret that happens to be part of its code is no leak.
            String metric = tree.path("metric").asText();
            String text = (CYCLE_CODES.contains(metric) ? record.replace(metric, "") : record).toLowerCase(Locale.ROOT);
            secrets.texts().stream().filter(secret -> text.contains(secret.toLowerCase(Locale.ROOT)))
                    .forEach(secret -> findings.add("holds \"" + secret + "\": " + record));
            boolean named = tree.path("named").asBoolean(false);
            secrets.regionCodes().stream()
                    .filter(code -> text.contains("\"" + code) || text.contains(code + "\""))
                    .filter(code -> !(named && code.equals(tree.path("region").asText())))
                    .forEach(code -> findings.add("names region " + code + " without its decision: " + record));
        }
        return findings;
    }

    /** Every value on the topic, from the beginning to the end it has now. */
    public static List<String> readTopic(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<String> values = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        values.add(record.value());
                    }
                }
            }
            return values;
        }
    }
}

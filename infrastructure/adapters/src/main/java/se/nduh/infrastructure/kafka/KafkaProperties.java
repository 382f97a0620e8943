package se.nduh.infrastructure.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The Kafka cluster: {@code KAFKA_BOOTSTRAP_SERVERS}, and for a real cluster the client settings every producer,
 * consumer and admin client of the platform takes (SASL, TLS), from a standard Kafka client properties file.
 *
 * @param bootstrapServers host:port pairs of the brokers
 * @param partitions       partitions of the comparison topic when this deployment creates it
 * @param replicas         replicas of each topic this deployment creates; 0 for as many as there are brokers in service
 *                         when it is created, up to three (the local run's single broker)
 * @param clientProperties a Kafka client properties file ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}),
 *                         as Kafka's own tools take with {@code --command-config}; none for a plain local broker
 */
@ConfigurationProperties("nduh.kafka")
public record KafkaProperties(String bootstrapServers, int partitions, int replicas, Path clientProperties) {

    /** More replicas than any of the regions' clusters has brokers is a mistake in the setting. */
    static final int REPLICAS_BOUND = 32;

    public KafkaProperties {
        if (replicas < 0 || replicas > REPLICAS_BOUND) {
            throw new IllegalArgumentException("nduh.kafka.replicas (NDUH_KAFKA_REPLICAS) must be 0 (as many as there are "
                    + "brokers, up to 3) to " + REPLICAS_BOUND + ", not " + replicas);
        }
    }

    /** The configuration of one client: the cluster, the file's settings, then the client's own. */
    public Map<String, Object> client(Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        if (clientProperties != null && !clientProperties.toString().isBlank()) {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(clientProperties)) {
                file.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the Kafka client properties " + clientProperties, e);
            }
            file.forEach((name, value) -> config.put((String) name, value));
        }
        config.putAll(own);
        return config;
    }
}

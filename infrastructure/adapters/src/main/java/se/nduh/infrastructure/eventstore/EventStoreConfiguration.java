package se.nduh.infrastructure.eventstore;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.nduh.infrastructure.mongo.MongoConfiguration;
import se.nduh.infrastructure.mongo.MongoProperties;

import java.time.Duration;
import java.util.Map;

/**
 * The event store: Axon's MongoDB storage engine on the events database, JSON-serialised events that carry
 * the kernel's revisions, and the metadata every event inherits from the command that caused it.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.context.annotation.Import(MongoConfiguration.class)
public class EventStoreConfiguration {

    /** Metadata keys set by the edge on every command and copied onto every event it causes. */
    public static final String USER_ID = "userId";
    public static final String ROLE = "role";
    public static final String REGION = "region";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    /** Set on every event from the command it came from: the command's simple name, for the audit's timeline. */
    public static final String COMMAND_NAME = "commandName";

    /**
     * The snapshot trigger of aggregates whose histories grow long (a round ranked again and again, a need with much
     * evidence): loading one reads its latest snapshot and the events after it, not every event since its first.
     */
    public static final String SNAPSHOTS = "snapshotEveryHundredEvents";
    private static final int EVENTS_BETWEEN_SNAPSHOTS = 100;

    /** How long a gap in the events' global index stays open before it is closed ({@link GlobalIndexStorageStrategy}). */
    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(10);
    private static final long FETCH_DELAY_MS = 20;

    @Bean
    RevisionResolver revisionResolver() {
        return new KernelRevisionResolver();
    }

    /** A bean of its own, so that a test can store events exactly as the engine does, from another writer. */
    @Bean
    GlobalIndexStorageStrategy eventStorageStrategy(MongoClient client, MongoProperties properties) {
        // The counter need not wait for the journal: the events that take its indexes do, and with them everything before.
        return new GlobalIndexStorageStrategy(client.getDatabase(properties.eventsDatabase()).getCollection("counters")
                .withWriteConcern(WriteConcern.W1), GAP_TIMEOUT);
    }

    @Bean
    EventStorageEngine eventStorageEngine(MongoClient client, MongoProperties properties,
                                          GlobalIndexStorageStrategy eventStorageStrategy,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer) {
        return new GlobalIndexEventStorageEngine(MongoEventStorageEngine.builder()
                                                         .eventSerializer(eventSerializer)
                                                         .snapshotSerializer(serializer),
                                                 DefaultMongoTemplate.builder()
                                                         .mongoDatabase(client, properties.eventsDatabase())
                                                         .build(),
                                                 eventStorageStrategy);
    }

    /**
     * The event store, asking again for new events {@value #FETCH_DELAY_MS} ms after a poll found none instead of
     * Axon's second: the query side learns of the command side's events only by asking, and a poll with nothing new
     * is one lookup of the counter ({@link GlobalIndexStorageStrategy#findTrackedEvents}).
     */
    @Bean
    EventStore eventStore(EventStorageEngine eventStorageEngine) {
        return EmbeddedEventStore.builder().storageEngine(eventStorageEngine).fetchDelay(FETCH_DELAY_MS).build();
    }

    @Bean(SNAPSHOTS)
    SnapshotTriggerDefinition snapshotEveryHundredEvents(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_BETWEEN_SNAPSHOTS);
    }

    @Bean(KernelCommandTargetResolver.BEAN_NAME)
    KernelCommandTargetResolver kernelCommandTargetResolver() {
        return new KernelCommandTargetResolver();
    }

    /** causationId: the message that caused this one; correlationId: the request that started it all. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(CAUSATION_ID, CORRELATION_ID);
    }

    @Bean
    CorrelationDataProvider actingUserProvider() {
        return new SimpleCorrelationDataProvider(USER_ID, ROLE, REGION);
    }

    @Bean
    CorrelationDataProvider commandNameProvider() {
        return message -> message instanceof CommandMessage<?> command
                ? Map.of(COMMAND_NAME, command.getCommandName().substring(command.getCommandName().lastIndexOf('.') + 1))
                : Map.of();
    }
}

package se.nduh.query.admin;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import se.nduh.infrastructure.mongo.MongoProperties;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds a region read model from the event store: its processor stops, forgets its position (its reset
 * handler empties the read model) and starts again from the first event, while the other projections keep
 * serving. Progress is the events handled since the rebuild began, of the store's events of that read model's
 * kind. Counting those reads the whole store, so every kind is counted in one pass, at most every
 * {@link #COUNTS_KEPT} whoever asks how often: counted per projection on every call, the operators' page and the
 * benchmark polling a rebuild's progress took nearly half the store's time at 100,000 events, slowing the rebuild itself.
 */
@Component
public class ProjectionAdmin {

    static final Duration COUNTS_KEPT = Duration.ofSeconds(30);

    /**
     * Where a projection stands. {@code caughtUp}: a rebuild has handled as many events as the store holds.
     * (Axon's own replay flag is no help here: with MongoDB's timestamp tokens it stays set until an event
     * newer than the rebuild itself arrives.)
     */
    public record Status(String name, boolean running, long processed, long total, boolean caughtUp,
                         double eventsPerSecond, Instant rebuildStartedAt) {
    }

    private final EventProcessingConfiguration processing;
    private final MongoClient mongo;
    private final MongoProperties properties;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private Counted counted = new Counted(Instant.EPOCH, Map.of());

    /** The store's events by payload type, as counted at a moment. */
    private record Counted(Instant at, Map<String, Long> byType) {
    }

    private record Rebuild(Instant startedAt, AtomicLong processed) {
    }

    ProjectionAdmin(EventProcessingConfiguration processing, MongoClient mongo, MongoProperties properties) {
        this.processing = processing;
        this.mongo = mongo;
        this.properties = properties;
    }

    public List<Status> all() {
        return ReadModelUpdatesConfiguration.READ_MODELS.keySet().stream().sorted().map(this::status).toList();
    }

    public Status rebuild(String name) {
        TrackingEventProcessor processor = processor(name);
        processor.shutDown();
        rebuilds.put(name, new Rebuild(Instant.now(), new AtomicLong()));
        recount();
        processor.resetTokens();
        processor.start();
        return status(name);
    }

    /** An event a projection failed on, waiting in its dead-letter queue. */
    public record DeadLetterView(String readModel, String eventType, String aggregateId, Long sequenceNumber,
                                 String cause, Instant enqueuedAt, Instant lastTouched) {
    }

    /** Every dead letter of every region read model, oldest sequence first. */
    public List<DeadLetterView> deadLetters() {
        List<DeadLetterView> letters = new ArrayList<>();
        for (String name : ReadModelUpdatesConfiguration.DEAD_LETTERED.stream().sorted().toList()) {
            processing.deadLetterQueue(name).ifPresent(queue -> queue.deadLetters().forEach(sequence -> sequence.forEach(letter -> {
                EventMessage<?> event = letter.message();
                DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> message ? message : null;
                letters.add(new DeadLetterView(name, event.getPayloadType().getSimpleName(),
                        domain == null ? null : domain.getAggregateIdentifier(), domain == null ? null : domain.getSequenceNumber(),
                        letter.cause().map(cause -> cause.type() + ": " + cause.message()).orElse(null),
                        letter.enqueuedAt(), letter.lastTouched()));
            })));
        }
        return letters;
    }

    /** Tries the read model's dead letters again; those that fail again stay. Answers how many went through. */
    public int retryDeadLetters(String name) {
        if (!ReadModelUpdatesConfiguration.DEAD_LETTERED.contains(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No dead letters of '" + name + "'; there are those of "
                    + ReadModelUpdatesConfiguration.DEAD_LETTERED.stream().sorted().toList());
        }
        var retrier = processing.sequencedDeadLetterProcessor(name).orElseThrow();
        int sequences = processing.deadLetterQueue(name).map(queue -> (int) queue.amountOfSequences()).orElse(0);
        int succeeded = 0;
        for (int i = 0; i < sequences; i++) {
            if (retrier.processAny()) {
                succeeded++;
            }
        }
        return succeeded;
    }

    /** Counts an event a projection has handled, for the progress of a running rebuild. */
    void handled(String name) {
        Rebuild rebuild = rebuilds.get(name);
        if (rebuild != null) {
            rebuild.processed().incrementAndGet();
        }
    }

    private Status status(String name) {
        TrackingEventProcessor processor = processor(name);
        Rebuild rebuild = rebuilds.get(name);
        String kind = ReadModelUpdatesConfiguration.READ_MODELS.get(name);
        long total = eventsByType().entrySet().stream().filter(type -> type.getKey() != null && type.getKey().startsWith(kind))
                .mapToLong(Map.Entry::getValue).sum();
        if (rebuild == null) {
            return new Status(name, processor.isRunning(), 0, total, true, 0, null);
        }
        long processed = rebuild.processed().get();
        double seconds = Math.max(0.001, Duration.between(rebuild.startedAt(), Instant.now()).toMillis() / 1000.0);
        return new Status(name, processor.isRunning(), processed, total, processed >= total,
                Math.round(processed / seconds * 10) / 10.0, rebuild.startedAt());
    }

    private synchronized Map<String, Long> eventsByType() {
        if (counted.at().plus(COUNTS_KEPT).isBefore(Instant.now())) {
            Map<String, Long> byType = new HashMap<>();
            mongo.getDatabase(properties.eventsDatabase()).getCollection("domainevents")
                    .aggregate(List.of(Aggregates.group("$payloadType", Accumulators.sum("events", 1))))
                    .forEach(type -> byType.put(type.getString("_id"), type.get("events", Number.class).longValue()));
            counted = new Counted(Instant.now(), byType);
        }
        return counted.byType();
    }

    /** A rebuild's total is counted as it starts. */
    private synchronized void recount() {
        counted = new Counted(Instant.EPOCH, Map.of());
    }

    private TrackingEventProcessor processor(String name) {
        if (!ReadModelUpdatesConfiguration.READ_MODELS.containsKey(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No projection '" + name + "'; there are "
                    + ReadModelUpdatesConfiguration.READ_MODELS.keySet());
        }
        return processing.eventProcessor(name, TrackingEventProcessor.class).orElseThrow();
    }
}

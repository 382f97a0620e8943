package se.nduh.query.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * For the operators, each tracking processor's lag behind the event store ({@value #LAG}: positions of the store's
 * global index not yet handled) and its dead letters ({@value #DEAD_LETTERS}). Read when Prometheus asks, at most once
 * per {@link #FRESH_FOR} however many ask, and within {@link #READ_TIMEOUT}: a store that does not answer gives
 * {@code NaN}, not a scrape that hangs.
 */
@Component
class TrackingProcessorMetrics {

    static final String LAG = "nduh.processor.lag";
    static final String DEAD_LETTERS = "nduh.processor.dead.letters";
    private static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private final EventProcessingConfiguration processing;
    private final EventStore store;
    private final MeterRegistry metrics;
    private Figures figures = new Figures(Instant.MIN, Map.of(), Map.of());

    /** What was read at one moment; a processor missing from a map is unknown. */
    private record Figures(Instant readAt, Map<String, Long> lag, Map<String, Long> deadLetters) {
    }

    TrackingProcessorMetrics(EventProcessingConfiguration processing, EventStore store, MeterRegistry metrics) {
        this.processing = processing;
        this.store = store;
        this.metrics = metrics;
    }

    /** Once the application is ready, when Axon has built every processor. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        trackingProcessors().keySet().forEach(name -> Gauge.builder(LAG, this, self -> figure(self.current().lag(), name))
                .description("Positions of the event store's global index the processor has not handled yet")
                .baseUnit("events").tag("processor", name).register(metrics));
        ReadModelUpdatesConfiguration.DEAD_LETTERED.forEach(name -> Gauge.builder(DEAD_LETTERS, this,
                        self -> figure(self.current().deadLetters(), name))
                .description("Events the processor failed on, waiting in its dead-letter queue")
                .tag("processor", name).register(metrics));
    }

    private static double figure(Map<String, Long> figures, String processor) {
        Long figure = figures.get(processor);
        return figure == null ? Double.NaN : figure;
    }

    private synchronized Figures current() {
        if (figures.readAt().plus(FRESH_FOR).isBefore(Instant.now())) {
            figures = Mono.fromCallable(this::read).subscribeOn(Schedulers.boundedElastic()).timeout(READ_TIMEOUT)
                    .onErrorReturn(new Figures(Instant.now(), Map.of(), Map.of())).block();
        }
        return figures;
    }

    private Figures read() {
        long head = store.createHeadToken().position().orElse(-1);
        Map<String, Long> lag = new HashMap<>();
        trackingProcessors().forEach((name, processor) -> position(processor).ifPresent(position -> lag.put(name, head - position)));
        Map<String, Long> deadLetters = new HashMap<>();
        ReadModelUpdatesConfiguration.DEAD_LETTERED.forEach(name ->
                processing.deadLetterQueue(name).ifPresent(queue -> deadLetters.put(name, queue.size())));
        return new Figures(Instant.now(), lag, deadLetters);
    }

    /**
     * Where the processor's slowest segment stands ({@code -1} before the first event); nothing while this instance
     * processes no segment of it (stopped, or between claims).
     */
    private static OptionalLong position(TrackingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(segments.values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElseThrow());
    }

    private Map<String, TrackingEventProcessor> trackingProcessors() {
        Map<String, TrackingEventProcessor> tracking = new HashMap<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof TrackingEventProcessor trackingProcessor) {
                tracking.put(processor.getName(), trackingProcessor);
            }
        }
        return tracking;
    }
}

package se.nduh.command.view;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import se.nduh.infrastructure.mongo.MongoProperties;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Repairs the command side's views from the event store. Their subscribing processors write in the command's own
 * thread after its events are stored, so a write that fails is only logged (Axon's default for event handlers) and a
 * crash in between leaves a view without the event: nothing would write it again. This keeps, in the events database,
 * the global index up to which every event has reached the views ({@code view_repairs}); a failed write, and every
 * start, hands the events after it to the same handlers once more. Their writes are guarded by the aggregate's
 * sequence number ({@link CommandSideView#set(String, long, org.bson.conversions.Bson)}), so a repeat changes nothing
 * and a late one never undoes a later event. The index moves only past commands that have ended and only while no
 * write is left to repair; one command side writes to a store (one per region, docs/deployment.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ViewRepair {

    private static final Logger log = LoggerFactory.getLogger(ViewRepair.class);
    private static final String REACHED = "reached";

    /** A view that is repaired: its event handlers take each event's sequence number and write guarded by it. */
    public interface Repaired {
    }

    private final EventStorageEngine events;
    private final MongoCollection<Document> reached;
    private final List<Repaired> views;
    private final List<AnnotationEventHandlerAdapter> handlers;
    private final CommandsInFlight commands = new CommandsInFlight();
    /** Set by a failed write, and at start for what a crash may have left out. */
    private final AtomicBoolean toRepair = new AtomicBoolean(true);
    private long reachedIndex;

    ViewRepair(EventStorageEngine events, MongoClient client, MongoProperties properties, List<Repaired> views) {
        this.events = events;
        this.reached = client.getDatabase(properties.eventsDatabase()).getCollection("view_repairs");
        this.views = views;
        this.handlers = views.stream().map(AnnotationEventHandlerAdapter::new).toList();
        Document saved = reached.find(Filters.eq("_id", REACHED)).first();
        // None saved: a new store, or one from before the views were repaired, whose events are all handed over once.
        this.reachedIndex = saved == null ? -1 : saved.getLong("globalIndex");
    }

    /** Notes which commands are being handled, from before they store events until their views are written. */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> commandsInFlight() {
        return (unitOfWork, chain) -> {
            Object command = new Object();
            commands.began(command);
            unitOfWork.onCleanup(ended -> commands.ended(command));
            return chain.proceed();
        };
    }

    /** A view's failed write is logged, as before, and repaired. */
    @Bean
    ConfigurerModule repairOfFailedViewWrites() {
        ListenerInvocationErrorHandler repairLater = (exception, event, handler) -> {
            log.warn("A view did not take {} of {}; it will be handed over again from the event store", event.getPayloadType().getSimpleName(),
                    event.getIdentifier(), exception);
            toRepair.set(true);
        };
        return configurer -> configurer.eventProcessing(processing -> views.forEach(view -> processing
                .registerListenerInvocationErrorHandler(AnnotationUtils.findAnnotation(view.getClass(), ProcessingGroup.class).value(),
                        configuration -> repairLater)));
    }

    /** Repairs when asked, then moves the index the views have reached as far as the ended commands allow. */
    @Scheduled(fixedDelayString = "${nduh.views.check-every}")
    void check() {
        boolean repairing = false;
        try {
            OptionalLong passed = commands.tick(((GapAwareTrackingToken) events.createHeadToken()).getIndex());
            repairing = toRepair.getAndSet(false);
            if (repairing) {
                handOverFrom(reachedIndex);
            }
            // A write failed since the repair began: the index waits for the next repair.
            if (passed.isPresent() && passed.getAsLong() > reachedIndex && !toRepair.get()) {
                reached.replaceOne(Filters.eq("_id", REACHED), new Document("_id", REACHED).append("globalIndex", passed.getAsLong()),
                        new ReplaceOptions().upsert(true));
                reachedIndex = passed.getAsLong();
            }
        } catch (RuntimeException e) {
            // The database away, most likely: the next check tries again.
            log.warn("The command side's views could not be checked against the event store; trying again: {}", e.toString());
            if (repairing) {
                toRepair.set(true);
            }
        }
    }

    /** Hands every event stored after that global index to the views that handle it. */
    void handOverFrom(long globalIndex) {
        long started = System.nanoTime();
        long handedOver;
        try (Stream<? extends TrackedEventMessage<?>> after = events.readEvents(GapAwareTrackingToken.newInstance(globalIndex, Set.of()), false)) {
            handedOver = after.filter(this::handOver).count();
        }
        log.info("Views repaired: {} events after global index {} handed over again in {} ms", handedOver, globalIndex,
                (System.nanoTime() - started) / 1_000_000);
    }

    private boolean handOver(EventMessage<?> event) {
        boolean handled = false;
        for (AnnotationEventHandlerAdapter handler : handlers) {
            if (handler.canHandle(event)) {
                try {
                    handler.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException("A view did not take " + event.getIdentifier(), e);
                }
                handled = true;
            }
        }
        return handled;
    }
}

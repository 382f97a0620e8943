package se.nduh.query.admin;

import com.mongodb.client.MongoClient;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import se.nduh.infrastructure.eventstore.EventStoreConfiguration;
import se.nduh.infrastructure.mongo.DatabaseAway;
import se.nduh.infrastructure.mongo.MongoProperties;
import se.nduh.query.readmodel.ReadModelUpdates;
import se.nduh.query.readmodel.ReadModelWrites;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * After a region read model's projection has handled an event, tells {@link ReadModelUpdates} which item now
 * reflects which version, and counts it for a running rebuild: one interceptor for every such processor,
 * rather than a call in every handler.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelUpdatesConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelUpdatesConfiguration.class);

    /**
     * The processors that keep read models, named as their read models, with the prefix of the event types that
     * feed them (what a rebuild's progress counts); the publishers ({@code experience-publisher}, and
     * the network's {@code best-practice-publisher}) are here too, so that a failed publication waits in its dead-letter
     * queue and a rebuild publishes every record again.
     */
    static final Map<String, String> READ_MODELS = Map.of(
            "needs", "se.nduh.kernel.need.",
            "priority-rounds", "se.nduh.kernel.priority.",
            "commissions", "se.nduh.kernel.commission.",
            "experiences", "se.nduh.kernel.experience.Experience",
            "best-practice-publisher", "se.nduh.kernel.experience.BestPractice",
            "experience-publisher", "se.nduh.kernel.experience.ExperienceReleased",
            "comparison-naming", "se.nduh.kernel.comparison.ComparisonNamingDecided",
            "cycle-milestones", "se.nduh.kernel.cycle.");

    /**
     * The processors whose failed events wait in a dead-letter queue: every read model's, and the comparison
     * publisher's, which keeps only its own facts (nothing an operator would rebuild) but must not skip an event.
     */
    static final Set<String> DEAD_LETTERED = Stream.concat(READ_MODELS.keySet().stream(), Stream.of("comparison-publisher"))
            .collect(Collectors.toUnmodifiableSet());

    /**
     * An event a processor fails on goes to a dead-letter queue with the reason (later events of the same
     * item queue behind it, to keep their order), and the rest go on; operators see and retry them. A database that
     * did not answer is not the event's fault: then the batch fails and the processor tries it again.
     */
    @Autowired
    void deadLetters(EventProcessingConfigurer processing, MongoClient client, MongoProperties properties) {
        DEAD_LETTERED.forEach(readModel -> processing
                .registerDeadLetterQueue(readModel, configuration -> MongoSequencedDeadLetterQueue.builder()
                        .processingGroup(readModel)
                        .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, properties.readDatabase()).build())
                        .serializer(configuration.serializer())
                        .build())
                .registerDeadLetterPolicy(readModel, configuration -> parkUnlessDatabaseAway(readModel))
                // Whether an event's item has letters waiting, from memory rather than a count in the queue per event:
                // the queue is written only through this processor, so it knows what it put there.
                .registerDeadLetteringEventHandlerInvokerConfiguration(readModel,
                        (configuration, invoker) -> invoker.enableSequenceIdentifierCache()));
    }

    /**
     * Parks the event, unless the database did not answer: then the failure goes on to the processor, which rolls the
     * batch back and tries it again after a pause (a {@code kill -9} of the database once parked an event here that
     * would have been handled a second later, and the need never showed).
     */
    static EnqueuePolicy<EventMessage<?>> parkUnlessDatabaseAway(String processingGroup) {
        return (letter, cause) -> {
            if (cause instanceof ReadModelWrites.BatchNotStored notStored) {
                throw notStored; // not the reading event's fault: the batch is tried again, each write at once
            }
            if (DatabaseAway.causedBy(cause)) {
                throw new DatabaseAwayWhileHandling(cause);
            }
            // Operators learn of it from the log as well as from the queue's count.
            LOG.warn("{} parked {} of item {} in its dead-letter queue: {}", processingGroup,
                    letter.message().getPayloadType().getSimpleName(), sequenceOf(letter), cause.toString());
            return Decisions.enqueue(cause);
        };
    }

    private static Object sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof DomainEventMessage<?> event ? event.getAggregateIdentifier() : letter.message().getIdentifier();
    }

    /** The failure of a batch whose handling met a database that did not answer; the processor tries the batch again. */
    static final class DatabaseAwayWhileHandling extends RuntimeException {
        DatabaseAwayWhileHandling(Throwable cause) {
            super("The database did not answer while an event was handled; the batch is tried again", cause);
        }
    }

    @Autowired
    void publishUpdates(EventProcessingConfigurer processing, ReadModelUpdates updates, ProjectionAdmin admin) {
        READ_MODELS.keySet().forEach(readModel -> processing.registerHandlerInterceptor(readModel,
                configuration -> new PublishUpdate(readModel, updates, admin)));
    }

    private record PublishUpdate(String readModel, ReadModelUpdates updates, ProjectionAdmin admin)
            implements MessageHandlerInterceptor<EventMessage<?>> {

        private static final String PUBLISHED = PublishUpdate.class.getName();

        /**
         * Told and counted once the batch is stored, in the events' order: a reader told of a version then finds it
         * stored, and a rebuild's progress counts stored events.
         */
        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            Object result = chain.proceed();
            UnitOfWork<?> batch = unitOfWork.root();
            List<EventMessage<?>> stored = batch.getOrComputeResource(PUBLISHED, name -> {
                List<EventMessage<?>> handled = new ArrayList<>();
                batch.afterCommit(unit -> handled.forEach(this::stored));
                return handled;
            });
            stored.add(unitOfWork.getMessage());
            return result;
        }

        private void stored(EventMessage<?> message) {
            admin.handled(readModel);
            if (message instanceof DomainEventMessage<?> event
                    && event.getMetaData().get(EventStoreConfiguration.REGION) instanceof String region) {
                updates.published(new ReadModelUpdates.Update(readModel, region, event.getAggregateIdentifier(), event.getSequenceNumber()));
            }
        }
    }
}

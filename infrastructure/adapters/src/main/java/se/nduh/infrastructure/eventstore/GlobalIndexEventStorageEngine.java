package se.nduh.infrastructure.eventstore;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;

import java.time.Instant;

/**
 * Axon's MongoDB storage engine, whose head and point-in-time tokens are of the global index like its others: the
 * stock engine makes timestamp tokens of them, which a processor's gap-aware tokens cannot be compared with.
 */
class GlobalIndexEventStorageEngine extends MongoEventStorageEngine {

    private final MongoTemplate template;
    private final GlobalIndexStorageStrategy strategy;

    GlobalIndexEventStorageEngine(Builder builder, MongoTemplate template, GlobalIndexStorageStrategy strategy) {
        super(builder.mongoTemplate(template).storageStrategy(strategy));
        this.template = template;
        this.strategy = strategy;
    }

    @Override
    public TrackingToken createHeadToken() {
        return strategy.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return strategy.createTokenAt(template.eventCollection(), dateTime);
    }
}

package se.nduh.query.naming;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import se.nduh.kernel.comparison.ComparisonNamingDecided;
import se.nduh.kernel.comparison.DecideComparisonNaming;
import se.nduh.query.readmodel.ReadModelStore;

import java.time.Duration;
import java.time.Instant;

/** Keeps each region's latest naming decision, one document per region's decision history, guarded by its sequence. */
@Component
@ProcessingGroup(NamingProjection.PROCESSOR)
class NamingProjection {

    static final String PROCESSOR = "comparison-naming";

    private final ReadModelStore<NamingView> decisions;

    NamingProjection(MongoDatabase readDatabase, ObjectMapper json) {
        this.decisions = new ReadModelStore<>(readDatabase.getCollection("comparison_naming_decisions"), NamingView.class, json);
    }

    ReadModelStore<NamingView> decisions() {
        return decisions;
    }

    /** A rebuild starts from an empty read model. */
    @ResetHandler
    void reset() {
        decisions.deleteAll().block(Duration.ofSeconds(30));
    }

    @EventHandler
    void on(ComparisonNamingDecided event, @SequenceNumber long sequence, @Timestamp Instant at) {
        decisions.upsert(DecideComparisonNaming.aggregateIdOf(event.region()), sequence, new NamingView(event.region().value(),
                event.named(), event.decidedBy(), event.decisionDate(), event.minutesReference(), at));
    }
}

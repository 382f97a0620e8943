package se.nduh.query.arshjul;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import se.nduh.kernel.cycle.CycleMilestoneRecorded;
import se.nduh.kernel.cycle.RecordCycleMilestone;
import se.nduh.query.readmodel.ReadModelStore;

import java.time.Duration;
import java.util.List;

/**
 * Keeps the steps of each region's budget-year wheel held outside the platform, one document per region and
 * budget year (the wheel's aggregate), so the årshjul reads them by key.
 */
@Component
@ProcessingGroup(CycleMilestoneProjection.PROCESSOR)
class CycleMilestoneProjection {

    static final String PROCESSOR = "cycle-milestones";

    private final ReadModelStore<CycleMilestones> wheels;

    CycleMilestoneProjection(MongoDatabase readDatabase, ObjectMapper json) {
        this.wheels = new ReadModelStore<>(readDatabase.getCollection("cycle_milestones"), CycleMilestones.class, json);
    }

    ReadModelStore<CycleMilestones> wheels() {
        return wheels;
    }

    /** A rebuild starts from an empty read model. */
    @ResetHandler
    void reset() {
        wheels.deleteAll().block(Duration.ofSeconds(30));
    }

    @EventHandler
    void on(CycleMilestoneRecorded event, @SequenceNumber long sequence) {
        String id = RecordCycleMilestone.aggregateIdOf(event.region(), event.budgetYear());
        CycleMilestones.Held held = new CycleMilestones.Held(event.milestone(), event.heldOn(), event.reference());
        if (sequence == 0) {
            wheels.upsert(id, sequence, new CycleMilestones(event.region().value(), event.budgetYear(), List.of(held)));
        } else {
            wheels.update(id, sequence, Updates.push("held", wheels.bson(held)));
        }
    }
}

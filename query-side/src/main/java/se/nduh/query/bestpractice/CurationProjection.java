package se.nduh.query.bestpractice;

import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import se.nduh.kernel.experience.BestPracticeCurated;
import se.nduh.kernel.experience.BestPracticeRetired;

import java.time.Instant;

/**
 * Keeps the coordinators' curation in the network library: curated (with tags, why and when) or retired,
 * guarded by the experience's event sequence, time from the event.
 */
@Component
@ProcessingGroup(CurationProjection.PROCESSOR)
class CurationProjection {

    static final String PROCESSOR = "best-practice";

    private final BestPracticeLibrary library;

    CurationProjection(BestPracticeLibrary library) {
        this.library = library;
    }

    @ResetHandler
    void reset() {
        library.forgetCurations();
    }

    @EventHandler
    void on(BestPracticeCurated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        library.curationChanged(event.experienceId().value(), sequence, Updates.combine(Updates.set("curated", true),
                Updates.set("curation", library.bson(new BestPracticeView.Curation(event.tags(), event.why(), at, null)))));
    }

    @EventHandler
    void on(BestPracticeRetired event, @SequenceNumber long sequence) {
        library.curationChanged(event.experienceId().value(), sequence, Updates.combine(Updates.set("curated", false),
                Updates.set("curation.retirementReason", event.reason())));
    }
}

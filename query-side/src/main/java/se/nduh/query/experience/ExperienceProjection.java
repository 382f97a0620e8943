package se.nduh.query.experience;

import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import se.nduh.kernel.experience.ExperienceReleased;
import se.nduh.kernel.experience.ExperienceShared;
import se.nduh.query.readmodel.ReadModelStore;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the region's shared experiences: one document per experience, each event a write guarded by the
 * experience's event sequence, times from the events, so a redelivery changes nothing and a replay gives the
 * same documents.
 */
@Component
@ProcessingGroup(ExperienceProjection.PROCESSOR)
class ExperienceProjection {

    static final String PROCESSOR = "experiences";

    private final ReadModelStore<ExperienceView> experiences;

    ExperienceProjection(ExperienceRegister register) {
        this.experiences = register.store();
    }

    /** A rebuild starts from an empty read model. */
    @ResetHandler
    void reset() {
        experiences.deleteAll().block(Duration.ofSeconds(30));
    }

    @EventHandler
    void on(ExperienceShared event, @SequenceNumber long sequence, @Timestamp Instant at) {
        experiences.upsert(event.experienceId().value(), sequence, new ExperienceView(event.experienceId().value(),
                event.region().value(), event.title(), event.area(), event.summary(), event.kindsOfEffort(), event.contactRole(),
                event.linkedCommission() == null ? null : event.linkedCommission().value(), ExperienceView.Status.SHARED,
                null, at, at));
    }

    @EventHandler
    void on(ExperienceReleased event, @SequenceNumber long sequence, @Timestamp Instant at) {
        experiences.update(event.experienceId().value(), sequence, Updates.combine(
                Updates.set("status", ExperienceView.Status.RELEASED.name()),
                Updates.set("releasedOn", experiences.bson(event.releasedOn())),
                Updates.set("lastChangedAt", experiences.bson(at))));
    }
}

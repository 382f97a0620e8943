package se.nduh.query.bestpractice;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import se.nduh.infrastructure.kafka.TopicPublisher;
import se.nduh.kernel.experience.ExperienceReleased;
import se.nduh.kernel.experience.ReleasedExperience;
import se.nduh.query.keys.RegionKeys;

/**
 * The experience publisher: a tracking processor over the served regions' events that puts every released
 * experience on {@value ReleasedExperience#TOPIC}, keyed by the experience, its revision the release event's
 * sequence. Only released experiences go out; a shared one stays in the region. A redelivered or replayed event
 * publishes the same record again, which consumers ignore by its revision.
 */
@Component
@ProcessingGroup(ExperiencePublishing.PROCESSOR)
class ExperiencePublishing {

    static final String PROCESSOR = "experience-publisher";

    private final TopicPublisher<ReleasedExperience> publisher;
    private final RegionKeys keys;

    ExperiencePublishing(TopicPublisher<ReleasedExperience> publisher, RegionKeys keys) {
        this.publisher = publisher;
        this.keys = keys;
    }

    /** Signed with the region's own key: a released experience names its region. */
    @EventHandler
    void on(ExperienceReleased event, @SequenceNumber long sequence) {
        publisher.publish(ReleasedExperience.of(event, sequence), keys.regionSigningKey(event.region()));
    }
}

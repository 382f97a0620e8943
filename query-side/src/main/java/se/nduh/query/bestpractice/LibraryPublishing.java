package se.nduh.query.bestpractice;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import se.nduh.infrastructure.kafka.TopicPublisher;
import se.nduh.kernel.experience.BestPracticeCurated;
import se.nduh.kernel.experience.BestPracticeEntry;
import se.nduh.kernel.experience.BestPracticeRetired;
import se.nduh.query.keys.RegionKeys;

import java.time.Instant;

/**
 * The library publisher, in the network's deployment only: a tracking processor over the network's curation events
 * that puts each on {@value BestPracticeEntry#TOPIC}, signed with the network's key, its revision the event's
 * sequence. Every region's deployment (this one too) builds its library from that topic. A redelivered or replayed
 * event publishes the same record again, which consumers ignore by its revision.
 */
@Component
@ProcessingGroup(LibraryPublishing.PROCESSOR)
@ConditionalOnProperty(name = "nduh.network.enabled", havingValue = "true", matchIfMissing = true)
class LibraryPublishing {

    static final String PROCESSOR = "best-practice-publisher";

    private final TopicPublisher<BestPracticeEntry> publisher;
    private final RegionKeys keys;

    LibraryPublishing(TopicPublisher<BestPracticeEntry> libraryPublisher, RegionKeys keys) {
        this.publisher = libraryPublisher;
        this.keys = keys;
    }

    @EventHandler
    void on(BestPracticeCurated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        publisher.publish(BestPracticeEntry.of(event, at, sequence), keys.networkSigningKey());
    }

    @EventHandler
    void on(BestPracticeRetired event, @SequenceNumber long sequence) {
        publisher.publish(BestPracticeEntry.of(event, sequence), keys.networkSigningKey());
    }
}

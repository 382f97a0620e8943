package se.nduh.command.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import se.nduh.infrastructure.kafka.KafkaProperties;
import se.nduh.infrastructure.kafka.PublishedTopic;
import se.nduh.infrastructure.kafka.RegionPublicKeys;
import se.nduh.infrastructure.kafka.TopicPublisher;
import se.nduh.kernel.experience.ExperienceReleased;
import se.nduh.kernel.experience.ReleasedExperience;
import se.nduh.kernel.signing.RecordSignatures;
import se.nduh.kernel.signing.SigningKey;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What a region's query side does with a release, for command-side tests that have none: puts the release's record
 * on {@value ReleasedExperience#TOPIC}, signed with the region's secret key, which it keeps in the deployment's keys
 * file (where the network's curation finds its public key). {@link #following()} does so for every release stored
 * from then on.
 */
public final class RegionPublisher implements AutoCloseable {

    private final EventStore eventStore;
    private final Path keysFile;
    private final TopicPublisher<ReleasedExperience> publisher;
    private volatile Thread follower;

    public RegionPublisher(EventStore eventStore, KafkaProperties kafka, ObjectMapper json, RegionPublicKeys keys, Path keysFile) {
        this.eventStore = eventStore;
        this.keysFile = keysFile;
        this.publisher = new TopicPublisher<>(kafka, json, PublishedTopic.releasedExperiences(keys), "test-region-publisher",
                new SimpleMeterRegistry());
    }

    /** Publishes the experience's stored release, signed with its region's key. */
    public void publishRelease(String experienceId) {
        DomainEventMessage<?> released = eventStore.readEvents(experienceId).asStream()
                .filter(event -> event.getPayload() instanceof ExperienceReleased).findFirst().orElseThrow();
        publish(record(released), regionKey(((ExperienceReleased) released.getPayload()).region().value()));
    }

    public void publish(ReleasedExperience record, SigningKey signer) {
        publisher.publish(record, signer);
    }

    /** Publishes every release stored from now on, in the background, until closed. */
    public RegionPublisher following() {
        follower = new Thread(() -> {
            try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(eventStore.createHeadToken())) {
                while (!Thread.currentThread().isInterrupted()) {
                    if (events.hasNextAvailable(100, TimeUnit.MILLISECONDS)
                            && events.nextAvailable() instanceof DomainEventMessage<?> event
                            && event.getPayload() instanceof ExperienceReleased release) {
                        publish(record(event), regionKey(release.region().value()));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-region-publisher");
        follower.setDaemon(true);
        follower.start();
        return this;
    }

    private static ReleasedExperience record(DomainEventMessage<?> released) {
        return ReleasedExperience.of((ExperienceReleased) released.getPayload(), released.getSequenceNumber());
    }

    /** The region's signing key, its secret made and kept in the keys file when it has none yet. */
    public synchronized SigningKey regionKey(String region) {
        try {
            Properties secrets = new Properties();
            if (Files.exists(keysFile)) {
                try (Reader reader = Files.newBufferedReader(keysFile)) {
                    secrets.load(reader);
                }
            }
            if (secrets.getProperty(region) == null) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                secrets.setProperty(region, Base64.getEncoder().encodeToString(fresh));
                Files.createDirectories(keysFile.toAbsolutePath().getParent());
                try (Writer writer = Files.newBufferedWriter(keysFile)) {
                    secrets.store(writer, null);
                }
            }
            return RecordSignatures.regionKey(Base64.getDecoder().decode(secrets.getProperty(region)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (follower != null) {
            follower.interrupt();
            follower.join(5_000);
        }
        publisher.close();
    }
}

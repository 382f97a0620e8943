package se.nduh.localplatform.testing;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import java.util.Map;

/** Appends events to the event store as the command side would store them, with the acting user's metadata. */
public final class StoredEvents {

    private StoredEvents() {
    }

    public static void append(EventStore eventStore, String aggregateType, String aggregateId, long sequence, Object event,
                              String role, String region) {
        eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, event,
                MetaData.from(Map.of("userId", "u-test", "role", role, "region", region))));
    }
}

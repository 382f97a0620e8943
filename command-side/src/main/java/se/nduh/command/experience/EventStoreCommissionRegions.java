package se.nduh.command.experience;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import se.nduh.kernel.commission.CommissionDrafted;
import se.nduh.kernel.commission.CommissionId;
import se.nduh.kernel.region.RegionCode;

import java.util.Optional;

/**
 * Reads a commission's region from its first event in the event store: one indexed lookup by aggregate id,
 * correct for commissions drafted before this feature existed, and without reaching into the commission
 * feature (only the kernel's published event type).
 */
@Component
class EventStoreCommissionRegions implements CommissionRegions {

    private final EventStore eventStore;

    EventStoreCommissionRegions(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<RegionCode> regionOf(CommissionId commission) {
        DomainEventStream events = eventStore.readEvents(commission.value(), 0);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = events.next();
        return first.getPayload() instanceof CommissionDrafted drafted ? Optional.of(drafted.region()) : Optional.empty();
    }
}

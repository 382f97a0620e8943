package se.nduh.query.need;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import se.nduh.kernel.need.NeedProposed;

import java.time.Instant;

/** Keeps the need registry: one document per need, guarded by the need's event sequence. */
@Component
@ProcessingGroup(NeedProjection.PROCESSOR)
class NeedProjection {

    static final String PROCESSOR = "needs";

    private final NeedRegistry registry;

    NeedProjection(NeedRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(NeedProposed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        registry.store().upsert(event.needId().value(), sequence, new NeedView(event.needId().value(),
                event.region().value(), event.title(), event.description(), event.needGroup(), event.kindsOfEffort(),
                event.indicator(), "PROPOSED", at));
    }
}

package se.nduh.query.comparison;

import org.springframework.stereotype.Component;
import se.nduh.infrastructure.kafka.TopicPublisher;
import se.nduh.kernel.comparison.ComparisonRecord;
import se.nduh.kernel.region.RegionCode;
import se.nduh.query.keys.RegionKeys;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends a region's pending figures to Kafka (records, and tombstones for retracted keys) and settles them in the
 * outbox only once Kafka has acknowledged them all, each signed with the region's key for it: a crash in between sends them again, never loses them.
 */
@Component
class FigureSender {

    private final FigureOutbox outbox;
    private final TopicPublisher<ComparisonRecord> publisher;
    private final RegionKeys keys;

    FigureSender(FigureOutbox outbox, TopicPublisher<ComparisonRecord> publisher, RegionKeys keys) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.keys = keys;
    }

    /** One region's send at a time, whether the publisher's batch or the retry asks for it. */
    synchronized void sendPending(String region) {
        List<FigureOutbox.Figure> pending = outbox.pending(region);
        if (pending.isEmpty()) {
            return;
        }
        List<ComparisonRecord> records = new ArrayList<>();
        List<String> retracted = new ArrayList<>();
        for (FigureOutbox.Figure figure : pending) {
            retracted.addAll(figure.retract());
            if (!figure.gone()) {
                records.add(figure.record());
            }
        }
        RegionCode code = RegionCode.of(region);
        publisher.publish(records, retracted, key -> keys.comparisonSigningKey(code, key));
        outbox.settle(pending);
    }
}

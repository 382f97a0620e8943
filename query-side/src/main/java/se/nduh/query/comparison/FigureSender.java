package se.nduh.query.comparison;

import org.springframework.stereotype.Component;
import se.nduh.infrastructure.kafka.ComparisonPublisher;
import se.nduh.kernel.comparison.ComparisonRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends a region's pending figures to Kafka (records, and tombstones for retracted keys) and settles them in the
 * outbox only once Kafka has acknowledged them all: a crash in between sends them again, never loses them.
 */
@Component
class FigureSender {

    private final FigureOutbox outbox;
    private final ComparisonPublisher publisher;

    FigureSender(FigureOutbox outbox, ComparisonPublisher publisher) {
        this.outbox = outbox;
        this.publisher = publisher;
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
        publisher.publish(records, retracted);
        outbox.settle(pending);
    }
}

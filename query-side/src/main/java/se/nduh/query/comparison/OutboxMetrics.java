package se.nduh.query.comparison;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * For the operators, the comparison figures waiting to be sent ({@value #PENDING}): a number that grows while Kafka is
 * away and falls back to nought once the retries get through. Counted when Prometheus asks (the outbox holds a few
 * figures per region and metric), within a short timeout: a database that does not answer gives {@code NaN}.
 */
@Component
class OutboxMetrics implements MeterBinder {

    static final String PENDING = "nduh.comparison.outbox.pending";
    private static final Duration COUNT_TIMEOUT = Duration.ofSeconds(2);

    private final FigureOutbox outbox;

    OutboxMetrics(FigureOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry metrics) {
        Gauge.builder(PENDING, outbox, figures -> figures.pendingCount(COUNT_TIMEOUT))
                .description("Comparison figures stored as pending, not yet acknowledged by Kafka")
                .register(metrics);
    }
}

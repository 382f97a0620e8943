package se.nduh.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code DOWN} while a tracking processor has stopped or is failing: a processor that shut itself down (its batch
 * interrupted, say) builds nothing more until it is started again, and the operators must see that.
 */
@Component("trackingProcessors")
class ProcessorsHealth implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    ProcessorsHealth(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        List<String> troubled = processing.eventProcessors().values().stream()
                .filter(TrackingEventProcessor.class::isInstance).map(TrackingEventProcessor.class::cast)
                .filter(processor -> !processor.isRunning() || processor.isError())
                .map(processor -> processor.getName() + (processor.isError() ? " failing" : " stopped"))
                .sorted().toList();
        return troubled.isEmpty() ? Health.up().build() : Health.down().withDetail("processors", troubled).build();
    }
}

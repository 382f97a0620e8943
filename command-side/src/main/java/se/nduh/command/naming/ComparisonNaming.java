package se.nduh.command.naming;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.nduh.infrastructure.eventstore.KernelCommandTargetResolver;
import se.nduh.kernel.comparison.ComparisonNamingDecided;
import se.nduh.kernel.comparison.DecideComparisonNaming;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Whether a region's comparison records carry its code: pseudonymous until its elected officials decide
 * otherwise, and revocable. A decision that changes nothing stores nothing.
 */
@Aggregate(commandTargetResolver = KernelCommandTargetResolver.BEAN_NAME)
class ComparisonNaming {

    @AggregateIdentifier
    private String id;
    private boolean named;

    ComparisonNaming() {
        // for Axon: rebuilt from its events, or created by the region's first decision
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(DecideComparisonNaming command) {
        boolean unchanged = id != null && named == command.named();
        if (!unchanged) {
            apply(new ComparisonNamingDecided(command.region(), command.named(), command.decidedBy(),
                    command.decisionDate(), command.minutesReference()));
        }
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(ComparisonNamingDecided event) {
        id = DecideComparisonNaming.aggregateIdOf(event.region());
        named = event.named();
    }
}

package se.nduh.command.need;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.need.ProposeNeed;
import se.nduh.kernel.rule.Rule;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A population need (behov) of one region, from its proposal on. */
@Aggregate
class Need {

    @AggregateIdentifier
    private NeedId id;

    Need() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    Need(ProposeNeed command) {
        if (command.kindsOfEffort().isEmpty()) {
            throw Rule.NoKindOfEffort.violation("kindsOfEffort");
        }
        if (command.needGroup().size() < 1) {
            throw Rule.NeedGroupSizeNotPositive.violation("needGroup.size");
        }
        apply(new NeedProposed(command.needId(), command.region(), command.title(), command.description(),
                command.needGroup(), command.kindsOfEffort(), command.indicator()));
    }

    @EventSourcingHandler
    void on(NeedProposed event) {
        this.id = event.needId();
    }
}

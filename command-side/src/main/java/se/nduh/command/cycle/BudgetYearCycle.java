package se.nduh.command.cycle;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.nduh.infrastructure.eventstore.KernelCommandTargetResolver;
import se.nduh.kernel.cycle.CycleMilestoneRecorded;
import se.nduh.kernel.cycle.RecordCycleMilestone;
import se.nduh.kernel.rule.Rule;

import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A region's wheel for one budget year: the steps held outside the platform. Recording the same step again with the
 * same date and reference stores nothing; a decision or a report recorded with other particulars is refused, since a
 * budget year has one of each.
 */
@Aggregate(commandTargetResolver = KernelCommandTargetResolver.BEAN_NAME)
class BudgetYearCycle {

    @AggregateIdentifier
    private String id;
    private final List<CycleMilestoneRecorded> recorded = new ArrayList<>();

    BudgetYearCycle() {
        // for Axon: rebuilt from its events, or created by the year's first recorded step
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RecordCycleMilestone command) {
        if (!command.heldWithinTheWheel()) {
            throw Rule.MilestoneOutsideTheWheel.violation("heldOn");
        }
        CycleMilestoneRecorded event = new CycleMilestoneRecorded(command.region(), command.budgetYear(), command.milestone(),
                command.heldOn(), command.reference());
        if (recorded.contains(event)) {
            return AggregateLifecycle.getVersion();
        }
        if (!command.milestone().repeatable() && recorded.stream().anyMatch(step -> step.milestone() == command.milestone())) {
            throw Rule.MilestoneAlreadyRecorded.violation("milestone");
        }
        apply(event);
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(CycleMilestoneRecorded event) {
        id = RecordCycleMilestone.aggregateIdOf(event.region(), event.budgetYear());
        recorded.add(event);
    }

}

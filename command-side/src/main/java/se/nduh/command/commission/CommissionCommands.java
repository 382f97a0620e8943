package se.nduh.command.commission;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import se.nduh.command.priority.api.PriorityDecisions;
import se.nduh.kernel.commission.DraftCommission;

/** Drafting needs to know what the named round decided; this reads it and hands it to the new commission. */
@Component
class CommissionCommands {

    private final Repository<Commission> commissions;
    private final PriorityDecisions decisions;

    CommissionCommands(Repository<Commission> commissions, PriorityDecisions decisions) {
        this.commissions = commissions;
        this.decisions = decisions;
    }

    @CommandHandler
    long handle(DraftCommission command) throws Exception {
        var prioritised = decisions.prioritisedNeeds(command.terms().roundId(), command.region());
        commissions.newInstance(() -> new Commission(command, prioritised));
        return 0;
    }
}

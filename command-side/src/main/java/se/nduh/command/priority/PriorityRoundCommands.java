package se.nduh.command.priority;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import se.nduh.command.need.api.NeedStandings;
import se.nduh.kernel.priority.DecidePriorities;
import se.nduh.kernel.priority.OpenPriorityRound;
import se.nduh.kernel.priority.RankPriorities;
import se.nduh.kernel.priority.RankedNeed;
import se.nduh.kernel.rule.Rule;

/**
 * Handles the round's commands that need facts from elsewhere: whether the year's round exists, and the
 * standing of the needs being ranked or accounted for. The round decides; this only reads and hands over.
 */
@Component
class PriorityRoundCommands {

    private final Repository<PriorityRound> rounds;
    private final NeedStandings needs;

    PriorityRoundCommands(Repository<PriorityRound> rounds, NeedStandings needs) {
        this.rounds = rounds;
        this.needs = needs;
    }

    @CommandHandler
    long handle(OpenPriorityRound command) throws Exception {
        try {
            rounds.load(command.roundId().value());
            throw Rule.PriorityRoundAlreadyOpen.violation("budgetYear");
        } catch (AggregateNotFoundException none) {
            rounds.newInstance(() -> new PriorityRound(command));
            return 0;
        }
    }

    @CommandHandler
    long handle(RankPriorities command) {
        var standings = needs.of(command.ranking().stream().map(RankedNeed::needId).toList());
        return rounds.load(command.roundId().value(), command.expectedVersion())
                .invoke(round -> round.rank(command, standings));
    }

    @CommandHandler
    long handle(DecidePriorities command) {
        var rankable = needs.rankableNeedsOf(command.region());
        return rounds.load(command.roundId().value(), command.expectedVersion())
                .invoke(round -> round.decide(command, rankable));
    }
}

package se.nduh.command.priority;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import se.nduh.command.need.api.NeedStanding;
import se.nduh.infrastructure.eventstore.EventStoreConfiguration;
import se.nduh.infrastructure.eventstore.KernelCommandTargetResolver;
import se.nduh.kernel.need.Grade;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.priority.Allocation;
import se.nduh.kernel.priority.DecidePriorities;
import se.nduh.kernel.priority.NotPrioritised;
import se.nduh.kernel.priority.OpenPriorityRound;
import se.nduh.kernel.priority.PrioritiesDecided;
import se.nduh.kernel.priority.PrioritiesRanked;
import se.nduh.kernel.priority.PriorityRoundId;
import se.nduh.kernel.priority.PriorityRoundOpened;
import se.nduh.kernel.priority.PriorityRoundReopened;
import se.nduh.kernel.priority.PriorityRoundState;
import se.nduh.kernel.priority.RankPriorities;
import se.nduh.kernel.priority.RankedNeed;
import se.nduh.kernel.priority.ReopenPriorityRound;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.rule.Rule;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A region's priority round (prioritering) for one budget year: the ranked versions of its care needs and the
 * elected body's decision. What the round must know about needs arrives with the call, read by
 * {@link PriorityRoundCommands}; the round itself does no I/O. Event-sourcing handlers only assign the next
 * {@link PriorityRoundState}, the one copy of how an event changes a round, which the audit replay shares.
 */
@Aggregate(commandTargetResolver = KernelCommandTargetResolver.BEAN_NAME, snapshotTriggerDefinition = EventStoreConfiguration.SNAPSHOTS)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
class PriorityRound {

    private static final int HIGHEST_LEVEL = 1;
    private static final int LOWEST_LEVEL = 10;

    @AggregateIdentifier
    private PriorityRoundId id;
    private PriorityRoundState state;

    PriorityRound() {
        // for Axon: rebuilt from its events
    }

    /** Opens the round; {@link PriorityRoundCommands} makes sure the region has none for the year yet. */
    PriorityRound(OpenPriorityRound command) {
        apply(new PriorityRoundOpened(command.roundId(), command.region(), command.budgetYear()));
    }

    /** A new version of the ranking, if it differs from the current one. */
    long rank(RankPriorities command, Map<NeedId, NeedStanding> standings) {
        requireInRegion(command.region());
        if (state.decided()) {
            throw Rule.PriorityRoundNotOpen.violation("roundId");
        }
        if (command.ranking().isEmpty()) {
            throw Rule.EmptyRanking.violation("ranking");
        }
        if (command.ranking().equals(state.ranking())) {
            return version();
        }
        requireValidRanking(command.ranking(), standings);
        apply(new PrioritiesRanked(id, state.region(), state.rankingVersion() + 1, command.ranking()));
        return version();
    }

    /** The decision: everyone has the right to an assessment, so no assessed care need may be left unaccounted. */
    long decide(DecidePriorities command, List<NeedStanding> rankableNeeds) {
        requireInRegion(command.region());
        if (state.decided()) {
            throw Rule.PriorityRoundNotOpen.violation("roundId");
        }
        if (state.ranking().isEmpty()) {
            throw Rule.NothingRanked.violation("ranking");
        }
        Set<NeedId> ranked = state.ranking().stream().map(RankedNeed::needId).collect(Collectors.toSet());
        Set<NeedId> open = rankableNeeds.stream().map(NeedStanding::needId).collect(Collectors.toSet());
        for (int i = 0; i < command.notPrioritised().size(); i++) {
            NeedId need = command.notPrioritised().get(i).needId();
            // An unknown id and another region's id are refused alike, so the answer tells nothing of other regions.
            if (!open.contains(need) || ranked.contains(need)) {
                throw Rule.NotPrioritisedNeedNotOpen.violation("notPrioritised[" + i + "].needId");
            }
        }
        Set<NeedId> accounted = new HashSet<>(ranked);
        command.notPrioritised().stream().map(NotPrioritised::needId).forEach(accounted::add);
        if (rankableNeeds.stream().anyMatch(need -> !accounted.contains(need.needId()))) {
            throw Rule.RankingOmitsAssessedNeed.violation("notPrioritised");
        }
        if (command.allocations().stream().map(Allocation::needId).anyMatch(need -> !ranked.contains(need))) {
            throw Rule.AllocationToUnrankedNeed.violation("allocations");
        }
        apply(new PrioritiesDecided(id, state.region(), state.rankingVersion(), command.decidedBy(), command.decisionDate(),
                command.minutesReference(), command.allocations(), command.notPrioritised()));
        return version();
    }

    @CommandHandler
    long handle(ReopenPriorityRound command) {
        requireInRegion(command.region());
        if (!state.decided()) {
            throw Rule.PriorityRoundNotDecided.violation("roundId");
        }
        apply(new PriorityRoundReopened(id, state.region(), command.reason()));
        return version();
    }

    @EventSourcingHandler
    void on(PriorityRoundOpened event) {
        this.id = event.roundId();
        this.state = PriorityRoundState.opened(event);
    }

    @EventSourcingHandler
    void on(PrioritiesRanked event) {
        this.state = state.with(event);
    }

    @EventSourcingHandler
    void on(PrioritiesDecided event) {
        this.state = state.with(event);
    }

    @EventSourcingHandler
    void on(PriorityRoundReopened event) {
        this.state = state.with(event);
    }

    private void requireValidRanking(List<RankedNeed> proposed, Map<NeedId, NeedStanding> standings) {
        Set<NeedId> seen = new HashSet<>();
        int previousLevel = HIGHEST_LEVEL;
        for (int i = 0; i < proposed.size(); i++) {
            RankedNeed place = proposed.get(i);
            String field = "ranking[" + i + "]";
            NeedStanding standing = standings.get(place.needId());
            if (standing == null || !standing.region().equals(state.region())) {
                throw Rule.RankingNeedOfAnotherRegion.violation(field + ".needId");
            }
            if (!standing.rankable()) {
                throw Rule.RankingNeedNotAssessedCareNeed.violation(field + ".needId");
            }
            if (!seen.add(place.needId())) {
                throw Rule.NeedRankedTwice.violation(field + ".needId");
            }
            if (place.priorityLevel() < HIGHEST_LEVEL || place.priorityLevel() > LOWEST_LEVEL) {
                throw Rule.PriorityLevelOutOfRange.violation(field + ".priorityLevel");
            }
            if (place.priorityLevel() < previousLevel) {
                throw Rule.PriorityLevelsDecrease.violation(field + ".priorityLevel");
            }
            if (isBlank(place.rationale()) || place.principles().isEmpty() || place.criteria().isEmpty()) {
                throw Rule.RankingWithoutRationale.violation(field + ".rationale");
            }
            if (isBlank(place.deviationRationale()) && standsAboveMoreSevere(i, proposed, standings)) {
                throw Rule.SeverityDeviationWithoutRationale.violation(field + ".deviationRationale");
            }
            previousLevel = place.priorityLevel();
        }
    }

    /** Whether a need further down the list is more severe than the one at this place. */
    private static boolean standsAboveMoreSevere(int place, List<RankedNeed> proposed, Map<NeedId, NeedStanding> standings) {
        Grade severity = standings.get(proposed.get(place).needId()).severity();
        return proposed.subList(place + 1, proposed.size()).stream()
                .map(below -> standings.get(below.needId()))
                .anyMatch(below -> below != null && below.severity() != null && below.severity().above(severity));
    }

    private void requireInRegion(RegionCode commandRegion) {
        if (!state.region().equals(commandRegion)) {
            throw Rule.PriorityRoundNotInRegion.violation("roundId");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static long version() {
        return AggregateLifecycle.getVersion();
    }
}

package se.nduh.query.commission;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import se.nduh.kernel.commission.Collaboration;
import se.nduh.kernel.commission.GoalId;
import se.nduh.kernel.commission.PlanParty;
import io.swagger.v3.oas.annotations.media.Schema;
import se.nduh.kernel.commission.Provider;
import se.nduh.query.readmodel.Page;

import se.nduh.query.readmodel.ReadModelUpdates;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The board's queries: commissions with goal fulfilment and latest outcomes derived from the outcome series. */
@Component
class CommissionBoard {

    /** The outcomes of the whole population, the ones measured against the goals (a group's outcome names its group). */
    static final Bson WHOLE_POPULATION = Filters.eq("group", null);

    private final CommissionProjection projection;
    private final ReadModelUpdates updates;

    CommissionBoard(CommissionProjection projection, ReadModelUpdates updates) {
        this.projection = projection;
        this.updates = updates;
    }

    /** Completes once the board reflects the commission's version (at once without one). */
    Mono<Void> awaitVersion(String region, String id, Long minVersion, Duration wait) {
        return updates.awaitVersion(CommissionProjection.PROCESSOR, region, id, minVersion, wait, () -> projection.board().version(id, region));
    }

    /**
     * A commission on the board: the view, how far each goal has come, the newest value of each indicator, and the
     * versions of its plan (version 1 as accepted, then each agreed revision).
     */
    record CommissionAnswer(@JsonUnwrapped CommissionView commission, List<GoalStatus> goalFulfilment,
                            List<OutcomeView> latestOutcomes,
                            @Schema(description = "The versions of the plan followed up: 1 as accepted, then each agreed revision with its "
                                    + "reason, who proposed it for which side, who agreed and when (user ids)")
                            List<PlanVersion> planVersions) {
    }

    record PlanVersion(int version, Instant since, Integer revision, String reason, String proposedBy, PlanParty party,
                       Instant proposedAt, String agreedBy) {
    }

    record GoalStatus(GoalId goalId, String period, BigDecimal value, BigDecimal fulfilment) {
    }

    /**
     * The region's commissions; for a provider ({@code provider} not null) only those addressed to it, which is
     * all a provider may see of the region. {@code collaboration} picks the joint ones or those of the own organisation.
     */
    Mono<Page<CommissionAnswer>> ofRegion(String region, Provider provider, CommissionView.Status status,
                                          Collaboration.Scope collaboration, int page, int size) {
        Bson filter = visible(region, provider);
        if (status != null) {
            filter = Filters.and(filter, Filters.eq("status", status.name()));
        }
        if (collaboration != null) {
            // terms projected before collaboration was recorded have none: they are the own organisation's
            Bson joint = Filters.eq("terms.collaboration.scope", Collaboration.Scope.JOINT.name());
            filter = Filters.and(filter, collaboration == Collaboration.Scope.JOINT ? joint : Filters.not(joint));
        }
        return projection.board().page(filter, Sorts.descending("draftedAt", "_id"), page * size, size).collectList()
                .flatMap(commissions -> standingOutcomes(Filters.in("commissionId",
                                commissions.stream().map(CommissionView::id).toList()))
                        .map(outcomes -> commissions.stream().map(commission -> answer(commission,
                                outcomes.getOrDefault(commission.id(), List.of()))).toList()))
                .zipWith(projection.board().count(filter), (items, total) -> new Page<>(items, page, size, total));
    }

    Mono<CommissionAnswer> one(String region, Provider provider, String id) {
        return projection.board().findById(id)
                .filter(commission -> commission.region().equals(region)
                        && (provider == null || provider.equals(commission.terms().provider())))
                .flatMap(commission -> standingOutcomes(Filters.eq("commissionId", id))
                        .map(outcomes -> answer(commission, outcomes.getOrDefault(id, List.of()))));
    }

    /** The outcome series of the region, oldest period first, corrected values included but marked. */
    Mono<List<OutcomeView>> series(String region, Provider provider, String commissionId, String indicatorId) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("region", region)));
        if (commissionId != null) {
            filters.add(Filters.eq("commissionId", commissionId));
        }
        if (indicatorId != null) {
            filters.add(Filters.eq("indicatorId", indicatorId));
        }
        Mono<Bson> visible = provider == null ? Mono.just(Filters.and(filters))
                : projection.board().find(visible(region, provider), Sorts.ascending("_id")).map(CommissionView::id).collectList()
                        .map(ids -> Filters.and(Filters.and(filters), Filters.in("commissionId", ids)));
        return visible.flatMap(filter -> projection.outcomes()
                .find(filter, Sorts.ascending("commissionId", "indicatorId", "period", "recordedAt")).collectList());
    }

    private static List<PlanVersion> planVersions(CommissionView commission) {
        if (commission.acceptedAt() == null) {
            return List.of();
        }
        List<PlanVersion> versions = new ArrayList<>(List.of(new PlanVersion(1, commission.acceptedAt(), null, null, null, null, null, null)));
        commission.planRevisions().stream().filter(revision -> revision.status() == CommissionView.PlanRevisionStatus.AGREED)
                .sorted(Comparator.comparing(CommissionView.PlanRevision::planVersion))
                .forEach(revision -> versions.add(new PlanVersion(revision.planVersion(), revision.settledAt(), revision.revision(),
                        revision.reason(), revision.proposedBy(), revision.party(), revision.proposedAt(), revision.settledBy())));
        return versions;
    }

    private static Bson visible(String region, Provider provider) {
        return provider == null ? Filters.eq("region", region)
                : Filters.and(Filters.eq("region", region), Filters.eq("terms.provider", provider.name()));
    }

    private Mono<Map<String, List<OutcomeView>>> standingOutcomes(Bson filter) {
        return projection.outcomes().find(Filters.and(filter, Filters.eq("superseded", false), WHOLE_POPULATION), Sorts.ascending("period"))
                .collectList()
                .map(outcomes -> outcomes.stream().collect(Collectors.groupingBy(OutcomeView::commissionId)));
    }

    private static CommissionAnswer answer(CommissionView commission, List<OutcomeView> standing) {
        Comparator<OutcomeView> byPeriod = Comparator.comparing(outcome -> outcome.period().start());
        List<OutcomeView> latest = standing.stream()
                .collect(Collectors.groupingBy(OutcomeView::indicatorId, Collectors.maxBy(byPeriod)))
                .values().stream().flatMap(java.util.Optional::stream)
                .sorted(Comparator.comparing(outcome -> outcome.indicatorId().value())).toList();
        List<GoalStatus> goals = commission.terms().goals().stream().map(goal -> latest.stream()
                        .filter(outcome -> goal.goalId().equals(outcome.goalId()))
                        .max(byPeriod)
                        .map(outcome -> new GoalStatus(goal.goalId(), outcome.period().value(), outcome.value(), outcome.goalFulfilment()))
                        .orElse(new GoalStatus(goal.goalId(), null, null, null)))
                .toList();
        return new CommissionAnswer(commission, goals, latest, planVersions(commission));
    }
}

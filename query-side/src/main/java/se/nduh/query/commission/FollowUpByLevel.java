package se.nduh.query.commission;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.media.Schema;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import se.nduh.kernel.commission.FollowUpIndicator;
import se.nduh.kernel.commission.FollowUpLevel;
import se.nduh.kernel.commission.Goal;
import se.nduh.kernel.commission.Provider;
import se.nduh.query.readmodel.Page;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Each decision level's own follow-up ("datasmarta"): politik follows effects, förvaltning indicators, enhet processes
 * and team activities. For one level, every indicator at that level of the region's accepted commissions, with its
 * latest standing outcome and how far its goal has come, newest commission first.
 */
@Component
class FollowUpByLevel {

    private final CommissionProjection projection;

    FollowUpByLevel(CommissionProjection projection) {
        this.projection = projection;
    }

    @Schema(description = "One indicator of an accepted commission at the level asked for, with its latest standing outcome "
            + "(absent before the first), the plan version that outcome was recorded under, the goal it measures and how far "
            + "that goal has come, and whether its frequency fits the level's pace")
    record LevelIndicator(String commissionId, String description, Provider provider, int planVersion, FollowUpIndicator indicator,
                          boolean frequencyFitsLevel, Goal goal, OutcomeView latestOutcome, BigDecimal goalFulfilment) {
    }

    @Schema(description = "A decision level's follow-up: the level and what it follows up at which pace, and one page of its indicators")
    record LevelFollowUp(String level, FollowUpLevel followUpLevel, String pace, Page<LevelIndicator> indicators) {
    }

    /** {@code provider} not null: only the commissions addressed to it, all a provider may see of the region. */
    Mono<LevelFollowUp> of(String region, Provider provider, FollowUpLevel level, int page, int size) {
        Bson filter = Filters.and(Filters.eq("region", region), Filters.eq("status", CommissionView.Status.ACCEPTED.name()));
        if (provider != null) {
            filter = Filters.and(filter, Filters.eq("terms.provider", provider.name()));
        }
        return projection.board().find(filter, Sorts.descending("draftedAt", "_id")).collectList().flatMap(commissions -> {
            List<Row> rows = commissions.stream().flatMap(commission -> commission.terms().followUpPlan().stream()
                            .filter(indicator -> indicator.level() == level)
                            .map(indicator -> new Row(commission, indicator)))
                    .toList();
            List<Row> slice = rows.stream().skip((long) page * size).limit(size).toList();
            List<String> ids = slice.stream().map(row -> row.commission().id()).distinct().toList();
            Mono<Map<String, OutcomeView>> latest = ids.isEmpty() ? Mono.just(Map.of())
                    : projection.outcomes().find(Filters.and(Filters.in("commissionId", ids), Filters.eq("superseded", false),
                                    CommissionBoard.WHOLE_POPULATION),
                                    Sorts.ascending("period")).collectList()
                            .map(outcomes -> outcomes.stream().collect(Collectors.groupingBy(
                                    outcome -> key(outcome.commissionId(), outcome.indicatorId().value()),
                                    Collectors.collectingAndThen(Collectors.maxBy(Comparator.comparing(outcome -> outcome.period().start())),
                                            Optional::get))));
            return latest.map(outcomes -> slice.stream().map(row -> row.answer(outcomes.get(key(row.commission().id(),
                            row.indicator().indicatorId().value())))).toList())
                    .map(items -> new LevelFollowUp(level.decisionLevel(), level, pace(level), new Page<>(items, page, size, rows.size())));
        });
    }

    private static String pace(FollowUpLevel level) {
        return switch (level) {
            case EFFECT -> "halvår–år";
            case INDICATOR -> "kvartal";
            case PROCESS -> "månad";
            case ACTIVITY -> "vecka";
        };
    }

    private static String key(String commissionId, String indicatorId) {
        return commissionId + "|" + indicatorId;
    }

    private record Row(CommissionView commission, FollowUpIndicator indicator) {

        LevelIndicator answer(OutcomeView latest) {
            Goal goal = commission.terms().goals().stream().filter(candidate -> candidate.goalId().equals(indicator.goalId()))
                    .findFirst().orElse(null);
            // measured against the goal as it stands now, so a revised target shows how far the latest value is from it
            BigDecimal fulfilment = goal == null || latest == null ? null : goal.fulfilment(latest.value());
            return new LevelIndicator(commission.id(), commission.terms().description(), commission.terms().provider(),
                    commission.planVersion() == null ? 1 : commission.planVersion(), indicator,
                    indicator.level().stepsFrom(indicator.frequency()) <= 1, goal, latest, fulfilment);
        }
    }
}

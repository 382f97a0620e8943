package se.nduh.query.commission;

import se.nduh.kernel.commission.FollowUpIndicatorId;
import se.nduh.kernel.commission.GoalId;
import se.nduh.kernel.commission.OutcomeId;
import se.nduh.kernel.period.Period;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One recorded outcome; a corrected value stays, marked superseded, so the series shows what was known when, and under
 * which version of the plan it was recorded (a document kept before plans could be revised reads as version 1), and
 * the group of the population it is of ({@code null}: the whole population, which alone is measured against the goal).
 */
public record OutcomeView(OutcomeId outcomeId, String commissionId, String region, FollowUpIndicatorId indicatorId,
                          Period period, BigDecimal value, String source, GoalId goalId, BigDecimal goalFulfilment,
                          Instant recordedAt, OutcomeId supersedes, boolean superseded, Integer planVersion,
                          String group) {

    public OutcomeView {
        planVersion = planVersion == null ? 1 : planVersion;
    }
}

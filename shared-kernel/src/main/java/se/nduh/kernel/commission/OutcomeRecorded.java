package se.nduh.kernel.commission;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;

/**
 * An outcome was recorded; a correction names the value it supersedes, which stays in the history. {@code planVersion}
 * is the version of the plan it was recorded under; it came later within revision 1, and an outcome stored without it
 * was recorded under the plan as accepted, version 1, since no plan could be revised before. {@code group} names the
 * group of the population the outcome is of ({@code null}: the whole population, as every outcome stored before); only
 * the whole population's outcome is measured against the goal.
 */
@Revision("1")
public record OutcomeRecorded(CommissionId commissionId, RegionCode region, OutcomeId outcomeId, FollowUpIndicatorId indicatorId, Period period, BigDecimal value, String source, OutcomeId supersedes, GoalId goalId, BigDecimal goalFulfilment, Integer planVersion, String group) {

    public OutcomeRecorded {
        planVersion = planVersion == null ? 1 : planVersion;
    }

    /** An outcome recorded under the plan as accepted (version 1). */
    public OutcomeRecorded(CommissionId commissionId, RegionCode region, OutcomeId outcomeId, FollowUpIndicatorId indicatorId,
                           Period period, BigDecimal value, String source, OutcomeId supersedes, GoalId goalId, BigDecimal goalFulfilment) {
        this(commissionId, region, outcomeId, indicatorId, period, value, source, supersedes, goalId, goalFulfilment, 1);
    }

    /** An outcome of the whole population, recorded under that version of the plan. */
    public OutcomeRecorded(CommissionId commissionId, RegionCode region, OutcomeId outcomeId, FollowUpIndicatorId indicatorId,
                           Period period, BigDecimal value, String source, OutcomeId supersedes, GoalId goalId, BigDecimal goalFulfilment,
                           Integer planVersion) {
        this(commissionId, region, outcomeId, indicatorId, period, value, source, supersedes, goalId, goalFulfilment, planVersion, null);
    }
}

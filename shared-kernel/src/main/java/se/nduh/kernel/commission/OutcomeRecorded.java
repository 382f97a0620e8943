package se.nduh.kernel.commission;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;

/** An outcome was recorded; a correction names the value it supersedes, which stays in the history. */
@Revision("1")
public record OutcomeRecorded(CommissionId commissionId, RegionCode region, OutcomeId outcomeId, FollowUpIndicatorId indicatorId, Period period, BigDecimal value, String source, OutcomeId supersedes, GoalId goalId, BigDecimal goalFulfilment) {
}

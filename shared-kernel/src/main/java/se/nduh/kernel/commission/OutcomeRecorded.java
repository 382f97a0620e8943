package se.nduh.kernel.commission;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;

/** An outcome was recorded; a correction names the value it supersedes, which stays in the history. */
@Revision("1")
public record OutcomeRecorded(CommissionId commissionId, RegionCode region, String outcomeId, String indicatorId, Period period, BigDecimal value, String source, String supersedes, String goalId, BigDecimal goalFulfilment) {
}

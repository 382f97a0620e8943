package se.nduh.kernel.commission;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;

/** An outcome of a plan indicator for a period; a second value for the same indicator and period corrects the first.
 * {@code actingProvider} is the provider recording it, or {@code null} when the region's own staff do. */
public record RecordOutcome(CommissionId commissionId, RegionCode region, OutcomeId outcomeId, FollowUpIndicatorId indicatorId, Period period, BigDecimal value, String source, Provider actingProvider, Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return commissionId.value();
    }
}

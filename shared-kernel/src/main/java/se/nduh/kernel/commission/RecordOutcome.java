package se.nduh.kernel.commission;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;

/**
 * An outcome of a plan indicator for a period, for the whole population or for one of its groups ({@code group}, a
 * category such as 'Förgymnasial utbildning', or {@code null}): followed up per group, a gap between groups shows
 * whether health became more equal. A second value for the same indicator, period and group corrects the first.
 * {@code actingProvider} is the provider recording it, or {@code null} when the region's own staff do.
 */
public record RecordOutcome(CommissionId commissionId, RegionCode region, OutcomeId outcomeId, FollowUpIndicatorId indicatorId, Period period, BigDecimal value, String source, String group, Provider actingProvider, Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return commissionId.value();
    }
}

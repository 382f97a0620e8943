package se.nduh.kernel.commission;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

import java.time.LocalDate;

/** The elected officials decide and issue the commission. */
public record IssueCommission(CommissionId commissionId, RegionCode region, String decidedBy, LocalDate decisionDate, Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return commissionId.value();
    }
}

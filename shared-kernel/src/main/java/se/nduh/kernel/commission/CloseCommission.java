package se.nduh.kernel.commission;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

/** The commission is closed with its evaluation: achieved, partly or not, why, and what it found. */
public record CloseCommission(CommissionId commissionId, RegionCode region, Evaluation evaluation, String why,
                              EvaluationFindings findings, Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return commissionId.value();
    }
}

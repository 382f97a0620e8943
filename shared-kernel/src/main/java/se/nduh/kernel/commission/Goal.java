package se.nduh.kernel.commission;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A long-term goal of a commission: an indicator moved from its baseline to a target by a date. */
public record Goal(GoalId goalId, String indicator, BigDecimal baseline, BigDecimal target, LocalDate targetDate) {

    /** How far a value has come from the baseline towards the target: 0 at the baseline, 1 at the target. */
    public BigDecimal fulfilment(BigDecimal value) {
        BigDecimal distance = target.subtract(baseline);
        return distance.signum() == 0 ? BigDecimal.ONE
                : value.subtract(baseline).divide(distance, java.math.MathContext.DECIMAL64);
    }
}

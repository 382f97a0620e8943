package se.nduh.kernel.need;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The health gap (hälsogap): how far the current value is from the target, in the indicator's direction.
 *
 * @param absolute the distance, in the indicator's unit; positive while there is a gap
 * @param relative the distance as a share of the current value, or {@code null} when the current value is zero
 */
public record HealthGap(BigDecimal absolute, BigDecimal relative) {

    /** The gap between the indicator's current value and the target; zero or negative means no gap. */
    public static HealthGap between(BigDecimal current, BigDecimal target, Direction direction) {
        BigDecimal absolute = direction == Direction.LOWER_IS_BETTER ? current.subtract(target) : target.subtract(current);
        BigDecimal relative = current.signum() == 0 ? null : absolute.divide(current.abs(), MathContext.DECIMAL64);
        return new HealthGap(absolute, relative);
    }

    public boolean exists() {
        return absolute.signum() > 0;
    }
}

package se.nduh.kernel.need;

import se.nduh.kernel.period.Period;

import java.math.BigDecimal;

/**
 * The indicator that describes a need's health state: its current value, where it comes from and when, and the
 * code of the shared indicator catalogue it is measured by, if any ({@code null} otherwise), which makes it
 * comparable across the regions.
 */
public record HealthIndicator(String name, BigDecimal currentValue, String unit, Direction direction,
                              String source, Period period, String catalogueCode) {
}

package se.nduh.kernel.need;

import java.math.BigDecimal;

/**
 * One group of an equity breakdown: a category of the population (such as "Förgymnasial utbildning"), never a
 * person; the need's indicator measured in the group, in the indicator's unit; and how many people the group
 * counts, which decides whether its value may be part of a published figure.
 */
public record PopulationGroup(String label, BigDecimal value, long count) {
}

package se.nduh.kernel.need;

import java.math.BigDecimal;

/**
 * The gap between the groups of an equity breakdown (skillnad mellan grupper), in the indicator's direction.
 *
 * @param absolute   the worst group's value less the best's, in the indicator's unit; zero when the groups are equal
 * @param relative   the absolute gap as a share of the best group's value, or {@code null} when that value is zero
 * @param worstGroup the label of the group with the worst value
 * @param bestGroup  the label of the group with the best value
 */
public record InequityGap(BigDecimal absolute, BigDecimal relative, String worstGroup, String bestGroup) {
}

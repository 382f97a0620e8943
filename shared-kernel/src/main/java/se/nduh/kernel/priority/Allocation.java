package se.nduh.kernel.priority;

import se.nduh.kernel.need.NeedId;

import java.math.BigDecimal;

/** Resources (SEK) allocated to a prioritised need by the decision. */
public record Allocation(NeedId needId, BigDecimal amountSek) {
}

package se.nduh.kernel.commission;

import java.math.BigDecimal;
import java.util.Set;

/**
 * How the provider is paid (resursstyrning): {@code ACTIVE} links a share of the payment to named goals and
 * pays afterwards; {@code PASSIVE} is a frame amount promised in advance, regardless of goal fulfilment.
 */
public record PaymentModel(Kind kind, BigDecimal amountSek, BigDecimal linkedShare, Set<GoalId> linkedGoalIds) {

    public enum Kind { ACTIVE, PASSIVE }

    public PaymentModel {
        linkedGoalIds = linkedGoalIds == null ? Set.of() : Set.copyOf(linkedGoalIds);
    }
}

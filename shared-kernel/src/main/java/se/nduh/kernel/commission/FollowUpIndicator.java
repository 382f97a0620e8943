package se.nduh.kernel.commission;

/**
 * One indicator of the follow-up plan, the goal it measures (or {@code null} for one that measures none) and the
 * code of the shared indicator catalogue it is measured by (or {@code null}).
 */
public record FollowUpIndicator(FollowUpIndicatorId indicatorId, String name, FollowUpLevel level, Perspective perspective,
                                Frequency frequency, GoalId goalId, String catalogueCode) {
}

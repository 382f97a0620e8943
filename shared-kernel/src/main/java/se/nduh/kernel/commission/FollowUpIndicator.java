package se.nduh.kernel.commission;

/** One indicator of the follow-up plan, and the goal it measures (or {@code null} for one that measures none). */
public record FollowUpIndicator(String indicatorId, String name, FollowUpLevel level, Perspective perspective,
                                Frequency frequency, String goalId) {
}

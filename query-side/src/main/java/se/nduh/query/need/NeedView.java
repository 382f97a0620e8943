package se.nduh.query.need;

import se.nduh.kernel.need.HealthIndicator;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedGroup;

import java.time.Instant;
import java.util.Set;

/** A need as the need registry shows it. */
public record NeedView(String id, String region, String title, String description, NeedGroup needGroup,
                       Set<KindOfEffort> kindsOfEffort, HealthIndicator indicator, String status, Instant proposedAt) {
}

package se.nduh.query.experience;

import se.nduh.kernel.experience.StrategicArea;
import se.nduh.kernel.need.KindOfEffort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** A shared experience as the region sees it: what was shared, and whether (and when) the region released it. */
public record ExperienceView(String id, String region, String title, StrategicArea area, String summary,
                             Set<KindOfEffort> kindsOfEffort, String contactRole, String linkedCommissionId, Status status,
                             LocalDate releasedOn, Instant sharedAt, Instant lastChangedAt) {

    public enum Status { SHARED, RELEASED }
}

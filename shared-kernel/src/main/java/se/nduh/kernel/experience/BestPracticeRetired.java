package se.nduh.kernel.experience;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

/** The best practice left the curated library; the experience stays released and may be curated again. */
@Revision("1")
public record BestPracticeRetired(ExperienceId experienceId, RegionCode region, String reason) {
}

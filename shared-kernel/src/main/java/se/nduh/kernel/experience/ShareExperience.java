package se.nduh.kernel.experience;

import se.nduh.kernel.commission.CommissionId;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.region.RegionCode;

import java.util.Set;

/**
 * A region's civil servant or elected official shares an experience inside the region; it stays there until
 * released. {@code linkedCommission} is optional.
 */
public record ShareExperience(ExperienceId experienceId, RegionCode region, String title, StrategicArea area, String summary,
                              Set<KindOfEffort> kindsOfEffort, String contactRole, CommissionId linkedCommission) {

    public ShareExperience {
        kindsOfEffort = KindOfEffort.setOf(kindsOfEffort);
    }
}

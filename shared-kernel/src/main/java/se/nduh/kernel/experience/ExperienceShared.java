package se.nduh.kernel.experience;

import se.nduh.kernel.commission.CommissionId;
import se.nduh.kernel.message.Revision;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.region.RegionCode;

import java.util.Set;

/** An experience was shared inside the region; its time is the event's own timestamp. */
@Revision("1")
public record ExperienceShared(ExperienceId experienceId, RegionCode region, String title, StrategicArea area, String summary,
                               Set<KindOfEffort> kindsOfEffort, String contactRole, CommissionId linkedCommission) {

    public ExperienceShared {
        kindsOfEffort = KindOfEffort.setOf(kindsOfEffort);
    }
}

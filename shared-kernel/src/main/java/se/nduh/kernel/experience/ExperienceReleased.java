package se.nduh.kernel.experience;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.region.RegionCode;

import java.time.LocalDate;
import java.util.Set;

/**
 * The region released the experience to the network. It carries everything the network is told, with the
 * region named (releasing is the region speaking for itself), and no user ids or names.
 */
@Revision("1")
public record ExperienceReleased(ExperienceId experienceId, RegionCode region, String title, StrategicArea area,
                                 String summary, Set<KindOfEffort> kindsOfEffort, String contactRole, LocalDate releasedOn) {

    public ExperienceReleased {
        kindsOfEffort = KindOfEffort.setOf(kindsOfEffort);
    }
}

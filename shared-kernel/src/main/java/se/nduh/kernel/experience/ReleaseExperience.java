package se.nduh.kernel.experience;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

import java.time.LocalDate;

/** The region's elected officials decide to release the experience to the network, speaking for the region. */
public record ReleaseExperience(ExperienceId experienceId, RegionCode region, LocalDate releasedOn, Long expectedVersion)
        implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return experienceId.value();
    }
}

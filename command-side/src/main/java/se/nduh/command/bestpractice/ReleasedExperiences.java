package se.nduh.command.bestpractice;

import se.nduh.kernel.experience.ExperienceId;
import se.nduh.kernel.region.RegionCode;

import java.util.Optional;

/** What the network knows of the regions' released experiences: which region released each. */
@FunctionalInterface
interface ReleasedExperiences {

    /** The releasing region, or empty for an experience the network has not received. */
    Optional<RegionCode> regionOf(ExperienceId experience);
}

package se.nduh.kernel.experience;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** The experience was curated as best practice (again, after a retirement, or with new tags or reasons). */
@Revision("1")
public record BestPracticeCurated(ExperienceId experienceId, RegionCode region, Set<String> tags, String why) {

    public BestPracticeCurated {
        tags = tags == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(tags));
    }
}

package se.nduh.kernel.experience;

import se.nduh.kernel.message.AggregateCommand;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** A network coordinator picks a released experience as best practice, tags it and says why it is a good example. */
public record CurateBestPractice(ExperienceId experienceId, Set<String> tags, String why, Long expectedVersion)
        implements AggregateCommand {

    public CurateBestPractice {
        tags = tags == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(tags));
    }

    @Override
    public String targetAggregateId() {
        return experienceId.curationId();
    }
}

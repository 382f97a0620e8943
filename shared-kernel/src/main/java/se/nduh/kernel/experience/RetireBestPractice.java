package se.nduh.kernel.experience;

import se.nduh.kernel.message.AggregateCommand;

/** A network coordinator takes a best practice out of the curated library, saying why. */
public record RetireBestPractice(ExperienceId experienceId, String reason, Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return experienceId.curationId();
    }
}

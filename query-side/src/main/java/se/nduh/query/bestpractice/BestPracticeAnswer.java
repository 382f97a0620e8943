package se.nduh.query.bestpractice;

import se.nduh.kernel.experience.ReleasedExperience;
import se.nduh.kernel.experience.StrategicArea;
import se.nduh.kernel.need.KindOfEffort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** A curated best practice as the API answers it: the released experience, its region, and why it was picked. */
record BestPracticeAnswer(String experienceId, String region, String title, StrategicArea area, String areaSwedish,
                          String summary, Set<KindOfEffort> kindsOfEffort, String contactRole, LocalDate releasedOn,
                          Set<String> tags, String why, Instant curatedAt) {

    static BestPracticeAnswer of(BestPracticeView view) {
        ReleasedExperience experience = view.experience();
        return new BestPracticeAnswer(experience.experienceId(), experience.region(), experience.title(), experience.area(),
                experience.area() == null ? null : experience.area().swedish(), experience.summary(),
                experience.kindsOfEffort(), experience.contactRole(), experience.releasedOn(),
                view.curation().tags(), view.curation().why(), view.curation().curatedAt());
    }
}

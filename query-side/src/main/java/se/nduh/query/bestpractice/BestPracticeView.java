package se.nduh.query.bestpractice;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import se.nduh.kernel.experience.ReleasedExperience;

import java.time.Instant;
import java.util.Set;

/**
 * One experience in the network library as stored: what the network received of it on Kafka
 * ({@code experience}, absent until it arrives) and the coordinators' curation (absent until curated), each
 * written by its own source under its own guard.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BestPracticeView(ReleasedExperience experience, boolean curated, Curation curation) {

    record Curation(Set<String> tags, String why, Instant curatedAt, String retirementReason) {
    }
}

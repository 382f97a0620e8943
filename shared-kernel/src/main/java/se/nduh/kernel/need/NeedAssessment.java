package se.nduh.kernel.need;

/**
 * The assessment of a need: is it a care need (vårdbehov, something health care can improve), why, and the
 * grades the ranking may use — severity, benefit, cost-effectiveness and certainty of evidence — with the
 * number of people affected. Nothing about persons: the human-dignity principle.
 */
public record NeedAssessment(boolean careNeed, String justification, Grade severity, Grade benefit,
                             Grade costEffectiveness, Grade evidenceCertainty, long peopleAffected) {
}

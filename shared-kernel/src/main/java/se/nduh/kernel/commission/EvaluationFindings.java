package se.nduh.kernel.commission;

import java.util.List;

/**
 * What an evaluation found, as the seeds ask for it ("framgångsfaktorer och hinder") and what the region learned:
 * short texts another region can take an experience from. Absent lists are empty, so an evaluation stored before
 * they existed reads as one that found none.
 */
public record EvaluationFindings(List<String> successFactors, List<String> obstacles, List<String> lessons) {

    public static final EvaluationFindings NONE = new EvaluationFindings(List.of(), List.of(), List.of());

    public EvaluationFindings {
        successFactors = successFactors == null ? List.of() : List.copyOf(successFactors);
        obstacles = obstacles == null ? List.of() : List.copyOf(obstacles);
        lessons = lessons == null ? List.of() : List.copyOf(lessons);
    }
}

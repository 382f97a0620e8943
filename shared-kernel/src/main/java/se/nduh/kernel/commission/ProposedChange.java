package se.nduh.kernel.commission;

/**
 * A change the provider proposes in a dialogue on a draft: which term it concerns, the goal for a change to a goal
 * ({@code null} otherwise), and what it proposes.
 */
public record ProposedChange(Term term, GoalId goalId, String proposal) {

    /** The parts of a commission's terms a change can be proposed to. */
    public enum Term {
        DESCRIPTION,
        KINDS_OF_EFFORT,
        GOAL,
        TIMELINE,
        FOLLOW_UP_PLAN,
        PAYMENT,
        COLLABORATION
    }
}

package se.nduh.kernel.priority;

/**
 * What a ranking may rest on: the need's assessed grades, never a personal characteristic (the human-dignity
 * principle), which is why this is a closed list.
 */
public enum RankingCriterion {
    SEVERITY("svårighetsgrad"),
    BENEFIT("nytta"),
    COST_EFFECTIVENESS("kostnadseffektivitet"),
    EVIDENCE("evidens");

    private final String swedish;

    RankingCriterion(String swedish) {
        this.swedish = swedish;
    }

    public String swedish() {
        return swedish;
    }
}

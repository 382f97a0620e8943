package se.nduh.kernel.priority;

/** The ethical platform (prop. 1996/97:60), in its order: cost-effectiveness is subordinate to the other two. */
public enum EthicalPrinciple {
    HUMAN_DIGNITY("människovärdesprincipen"),
    NEED_SOLIDARITY("behovs-solidaritetsprincipen"),
    COST_EFFECTIVENESS("kostnadseffektivitetsprincipen");

    private final String swedish;

    EthicalPrinciple(String swedish) {
        this.swedish = swedish;
    }

    public String swedish() {
        return swedish;
    }
}

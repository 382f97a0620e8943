package se.nduh.kernel.cycle;

/**
 * The steps of the seeds' "Årshjul för behovsstyrning, prioritering och budget" that take place in meetings and
 * documents rather than in the platform, so the region records when they were held; a dialogue may be held more
 * than once, a decision or a report is made once.
 */
public enum CycleMilestone {
    NEEDS_DIALOGUE("Dialog med verksamheter och behovsgrupper om utvalda behov", true),
    PLAN_AND_BUDGET_DECIDED("Fullmäktigebeslut om verksamhetsplan och detaljbudget", false),
    CONSEQUENCE_DIALOGUE("Dialog med verksamheter och behovsgrupper om konsekvenser av resursfördelningen", true),
    ANNUAL_REPORT("Årsredovisning med uppföljning av årets resultat och måluppfyllelse", false);

    private final String swedish;
    private final boolean repeatable;

    CycleMilestone(String swedish, boolean repeatable) {
        this.swedish = swedish;
        this.repeatable = repeatable;
    }

    public String swedish() {
        return swedish;
    }

    /** Whether it may be recorded again for the same budget year: dialogues are held with several groups. */
    public boolean repeatable() {
        return repeatable;
    }
}

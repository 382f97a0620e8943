package se.nduh.kernel.need;

/** The kinds of evidence a needs analysis (behovsanalys) rests on, with their Swedish names. */
public enum EvidenceKind {
    BACKGROUND_DATA("bakgrundsdata"),
    EPIDEMIOLOGY("epidemiologi"),
    SELF_REPORTED("självrapporterade data"),
    IN_DEPTH_ANALYSIS("fördjupade behovsanalyser"),
    OPERATIONAL_ANALYSIS("verksamhetsanalyser"),
    DIALOGUE("dialog"),
    STEERING_DOCUMENT("styrdokument"),
    RESOURCE_DATA("resursdata"),
    UTILITY_CALCULATION("nyttoberäkningar");

    private final String swedish;

    EvidenceKind(String swedish) {
        this.swedish = swedish;
    }

    public String swedish() {
        return swedish;
    }

    /** Population-level data: what describes the health of the whole population or a need group. */
    public boolean populationLevel() {
        return this == BACKGROUND_DATA || this == EPIDEMIOLOGY || this == SELF_REPORTED;
    }
}

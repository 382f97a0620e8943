package se.nduh.kernel.need;

/** What the groups of a need's equity breakdown (jämlik hälsa) differ by, with its Swedish name. */
public enum EquityDimension {
    SEX("Kön"),
    AGE_BAND("Åldersgrupp"),
    EDUCATION("Utbildningsnivå"),
    COUNTRY_OF_BIRTH("Födelseland"),
    SOCIOECONOMIC_INDEX("Socioekonomiskt index (CNI)"),
    GEOGRAPHY("Geografi");

    private final String swedish;

    EquityDimension(String swedish) {
        this.swedish = swedish;
    }

    public String swedish() {
        return swedish;
    }
}

package se.nduh.kernel.commission;

/** The seeds' pitfalls that a commission may still be issued with, as warnings that stay visible. */
public enum CommissionWarning {
    FOLLOW_UP_ONLY_AT_ACTIVITY_LEVEL("Uppföljningen sker bara på aktivitetsnivå"),
    NO_POPULATION_PERSPECTIVE("Ingen indikator har befolkningsperspektiv"),
    GOAL_BEYOND_HEALTH_CARE("Ett mål kan inte påverkas av hälso- och sjukvården ensam"),
    /** A goal whose target is its baseline, or which is due only after the commission ends. */
    TOO_OPEN_TO_INTERPRETATION("Uppdraget lämnar för stort utrymme för egen tolkning: ett mål begär ingen förändring "
            + "eller ska nås först efter uppdragets slut"),
    /** An effect goal also steered by activity indicators, or an indicator reported every week. */
    TOO_DETAILED("Uppdraget är för detaljerat: ett effektmål styrs också med aktiviteter, eller uppföljning begärs varje vecka"),
    /**
     * "Datasmarta": an indicator followed up more than one step away from its level's own pace (effects half-yearly to
     * yearly, indicators quarterly, processes monthly, activities weekly), on the scale week, month, quarter, half-year,
     * year. A weekly indicator is {@link #TOO_DETAILED} instead, never both.
     */
    FOLLOW_UP_FREQUENCY_UNFIT_FOR_LEVEL("Uppföljningen sker i fel takt för sin nivå: effekter följs upp per halvår–år, "
            + "indikatorer per kvartal, processer per månad och aktiviteter per vecka");

    private final String swedish;

    CommissionWarning(String swedish) {
        this.swedish = swedish;
    }

    public String swedish() {
        return swedish;
    }
}

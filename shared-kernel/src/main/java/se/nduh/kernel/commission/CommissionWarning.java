package se.nduh.kernel.commission;

/** The seeds' pitfalls that a commission may still be issued with, as warnings that stay visible. */
public enum CommissionWarning {
    FOLLOW_UP_ONLY_AT_ACTIVITY_LEVEL("Uppföljningen sker bara på aktivitetsnivå"),
    NO_POPULATION_PERSPECTIVE("Ingen indikator har befolkningsperspektiv"),
    GOAL_BEYOND_HEALTH_CARE("Ett mål kan inte påverkas av hälso- och sjukvården ensam");

    private final String swedish;

    CommissionWarning(String swedish) {
        this.swedish = swedish;
    }

    public String swedish() {
        return swedish;
    }
}

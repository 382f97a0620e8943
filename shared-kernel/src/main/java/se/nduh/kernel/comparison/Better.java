package se.nduh.kernel.comparison;

/** Which way a metric's values are better, so that a rank means something; some metrics only describe. */
public enum Better {
    HIGHER("högre är bättre"),
    LOWER("lägre är bättre"),
    NEITHER("beskrivande, varken högre eller lägre är bättre");

    private final String swedish;

    Better(String swedish) {
        this.swedish = swedish;
    }

    public String swedish() {
        return swedish;
    }
}

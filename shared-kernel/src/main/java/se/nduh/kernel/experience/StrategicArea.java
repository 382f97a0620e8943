package se.nduh.kernel.experience;

/** The four strategic areas of the networks' cycle, with their Swedish names. */
public enum StrategicArea {
    NEEDS("Behov"),
    PRIORITISATION("Prioritering"),
    COMMISSIONING("Uppdrag"),
    FOLLOW_UP("Uppföljning");

    private final String swedish;

    StrategicArea(String swedish) {
        this.swedish = swedish;
    }

    public String swedish() {
        return swedish;
    }
}

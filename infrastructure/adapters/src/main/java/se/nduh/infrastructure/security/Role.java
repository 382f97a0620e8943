package se.nduh.infrastructure.security;

import java.util.Arrays;

/** The roles of the platform; the code is what files, tokens and event metadata carry. */
public enum Role {
    FORTROENDEVALD("fortroendevald", "förtroendevald"),
    TJANSTEPERSON("tjansteperson", "tjänsteperson"),
    UTFORARE("utforare", "utförare"),
    SAMORDNARE("samordnare", "samordnare"),
    REVISOR("revisor", "revisor"),
    /** The operators who run the platform: projections and health, never a region's content. */
    DRIFT("drift", "driftansvarig");

    private final String code;
    private final String swedish;

    Role(String code, String swedish) {
        this.code = code;
        this.swedish = swedish;
    }

    public String code() {
        return code;
    }

    public String swedish() {
        return swedish;
    }

    public static Role ofCode(String code) {
        return Arrays.stream(values()).filter(role -> role.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown role '" + code + "'"));
    }
}

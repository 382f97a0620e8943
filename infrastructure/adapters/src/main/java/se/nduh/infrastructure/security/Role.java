package se.nduh.infrastructure.security;

import java.util.Arrays;
import java.util.Optional;

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
        return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown role '" + code + "'"));
    }

    /** The role of the code, if there is one: for codes from stored records, which may name none. */
    public static Optional<Role> find(String code) {
        return Arrays.stream(values()).filter(role -> role.code.equals(code)).findFirst();
    }
}

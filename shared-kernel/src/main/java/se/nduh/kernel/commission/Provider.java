package se.nduh.kernel.commission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * The provider (utförare) a commission is addressed to, by its name, such as "Vårdgivaren i Region Halland": free
 * text the drafter writes and a provider's staff member's sign-in carries, matched exactly. It is a name, not an
 * id the platform issues, so it is called what it is.
 */
public record Provider(@JsonValue String name) {

    public Provider {
        Objects.requireNonNull(name, "provider");
    }

    @JsonCreator
    public static Provider of(String name) {
        return new Provider(name);
    }

    @Override
    public String toString() {
        return name;
    }
}

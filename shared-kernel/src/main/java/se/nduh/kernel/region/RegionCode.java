package se.nduh.kernel.region;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/** The code a region is known by in every URL and message, e.g. {@code vasterbotten}. */
public record RegionCode(@JsonValue String value) {

    /** What a region code looks like, for the edges that check it before making one. */
    public static final String FORMAT_REGEX = "[a-z][a-z0-9-]{1,39}";
    private static final Pattern FORMAT = Pattern.compile(FORMAT_REGEX);

    public RegionCode {
        Objects.requireNonNull(value, "region code");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A region code is 2-40 lower-case letters, digits or '-': " + value);
        }
    }

    @JsonCreator
    public static RegionCode of(String value) {
        return new RegionCode(value);
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}

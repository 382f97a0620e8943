package se.nduh.kernel.comparison;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A metric the regions compare: a stable code (part of the published language, never renamed), its Swedish
 * label and unit, its area, and which way is better.
 */
public record Metric(String code, String label, Area area, Better better, String unit) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+");

    public Metric {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("A metric code is dotted lower-case words: " + code);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(better, "better");
        Objects.requireNonNull(unit, "unit");
    }
}

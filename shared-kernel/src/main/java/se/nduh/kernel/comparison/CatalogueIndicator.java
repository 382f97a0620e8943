package se.nduh.kernel.comparison;

import java.util.Objects;

/**
 * An indicator of the shared catalogue (reference data, like the member regions): needs and follow-up plans may
 * link to it by its code, which makes each region's population-level value comparable across the network.
 */
public record CatalogueIndicator(String code, String name, String unit, Better better) {

    public CatalogueIndicator {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(better, "better");
    }

    /** The metric that compares this indicator across the regions. */
    public Metric metric() {
        return Metrics.indicator(code, name, unit, better);
    }
}

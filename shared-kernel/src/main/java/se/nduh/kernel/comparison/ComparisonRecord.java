package se.nduh.kernel.comparison;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The published language between regions: one anonymised figure of one region for one metric and
 * period. It is the only thing about a region's governance that goes on Kafka; domain events never do.
 * Its JSON Schema is {@value #SCHEMA_RESOURCE}, beside this class.
 *
 * @param schemaVersion the version of this record's JSON schema ({@link #SCHEMA_VERSION})
 * @param metric        the metric's stable code ({@link Metrics})
 * @param period        the period the figure covers: a budget year, or a quarter (dates are coarsened to it)
 * @param region        the region's pseudonym for this period, or its code where it has opted in to be named
 * @param named         true when {@code region} is the region's code, by a decision of its elected officials
 * @param value         the figure, or {@code null} when suppressed
 * @param suppressed    true when fewer than k items lie behind the figure
 * @param itemCount     how many items lie behind the figure, or {@code null} when suppressed
 * @param revision      grows whenever the region's figure changes; consumers keep only the newest
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ComparisonRecord(int schemaVersion, String metric, String period, String region, boolean named,
                               BigDecimal value, boolean suppressed, Integer itemCount, long revision) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TOPIC = "nduh.comparisons.v1";
    public static final String DEAD_LETTER_TOPIC = "nduh.comparisons.dlq.v1";
    public static final String SCHEMA_RESOURCE = "/se/nduh/kernel/comparison/comparison-record.v1.schema.json";

    public ComparisonRecord {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(region, "region");
        if (suppressed != (value == null) || suppressed != (itemCount == null)) {
            throw new IllegalArgumentException("A suppressed record has neither value nor count; any other has both");
        }
    }

    /** The Kafka key: one compacted entry per metric, period and region pseudonym (or code). */
    public String key() {
        return key(metric, period, region);
    }

    public static String key(String metric, String period, String region) {
        return metric + "|" + period + "|" + region;
    }
}

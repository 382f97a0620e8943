package se.nduh.kernel.comparison;

import se.nduh.kernel.period.Period;

import se.nduh.kernel.hash.Hashes;

import java.math.BigDecimal;
import java.util.HexFormat;

/**
 * What a region's figure may look like when it leaves the region: pure functions, no state but k.
 * <ul>
 *   <li>a figure behind fewer than k items is suppressed, never published as a number or a zero;</li>
 *   <li>the region is a pseudonym, an HMAC of the period under the region's own key, so it changes every
 *   period and only the region itself can recognise it.</li>
 * </ul>
 */
public final class AnonymisationPolicy {

    public static final int DEFAULT_K = 5;

    private final int k;

    public AnonymisationPolicy(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        this.k = k;
    }

    public int k() {
        return k;
    }

    /** The region's pseudonym for a period: 16 hex digits of HMAC-SHA256(key, period). */
    public static String pseudonym(byte[] regionKey, Period period) {
        return "r-" + HexFormat.of().formatHex(Hashes.hmacSha256(regionKey, period.value()), 0, 8);
    }

    /** The record for one figure, suppressed when fewer than k items lie behind it. */
    public ComparisonRecord record(String metric, Period period, String publishedRegion, BigDecimal value,
                                   int itemCount, long revision) {
        boolean suppressed = itemCount < k;
        return new ComparisonRecord(ComparisonRecord.SCHEMA_VERSION, metric, period.value(), publishedRegion,
                suppressed ? null : value, suppressed, suppressed ? null : itemCount, revision);
    }
}

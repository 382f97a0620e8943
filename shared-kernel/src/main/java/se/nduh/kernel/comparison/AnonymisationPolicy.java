package se.nduh.kernel.comparison;

import se.nduh.kernel.period.Period;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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
    private static final String HMAC = "HmacSHA256";

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
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(regionKey, HMAC));
            byte[] digest = mac.doFinal(period.value().getBytes(StandardCharsets.UTF_8));
            return "r-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The record for one figure, suppressed when fewer than k items lie behind it. */
    public ComparisonRecord record(String metric, Period period, String publishedRegion, BigDecimal value,
                                   int itemCount, long revision) {
        boolean suppressed = itemCount < k;
        return new ComparisonRecord(ComparisonRecord.SCHEMA_VERSION, metric, period.value(), publishedRegion,
                suppressed ? null : value, suppressed, suppressed ? null : itemCount, revision);
    }
}

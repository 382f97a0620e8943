package se.nduh.kernel.comparison;

import se.nduh.kernel.hash.Hashes;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.signing.RecordSignatures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * What a region's figure may look like when it leaves the region: pure functions, no state but k.
 * <ul>
 *   <li>a figure behind fewer than k items is suppressed, never published as a number or a zero;</li>
 *   <li>the region is a pseudonym, the hash of a signing key derived from the period and the region's own
 *   secret key, so it changes every period and only the region itself can recognise it or sign as it; a
 *   region that opted in is named by its code;</li>
 *   <li>dates are coarsened to the period and values to four decimals, so no single item can be read back;</li>
 *   <li>a number of people is published only as "at least k", so that no size links a region's pseudonyms.</li>
 * </ul>
 * What a record can hold at all (codes, numbers, no free text) is fixed by {@link ComparisonRecord} and its schema.
 */
public final class AnonymisationPolicy {

    public static final int DEFAULT_K = 5;
    static final int DECIMALS = 4;

    private final int k;

    public AnonymisationPolicy(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        this.k = k;
    }

    /** The least number of items, or of people in a group, behind a published figure. */
    public int k() {
        return k;
    }

    /**
     * The region's pseudonym for a period: the pseudonym of the period's signing key, derived from the region's
     * secret key, so only the region can recognise it or sign as it.
     */
    public static String pseudonym(byte[] regionKey, Period period) {
        return pseudonymOf(RecordSignatures.periodKey(regionKey, period).publicKey());
    }

    /** The pseudonym a period signing key's public key stands for: 16 hex digits of its SHA-256. */
    public static String pseudonymOf(byte[] publicKey) {
        return "r-" + HexFormat.of().formatHex(Hashes.sha256(publicKey), 0, 8);
    }

    /** How the region appears in a period's records: by its code if it opted in to be named, else its pseudonym. */
    public static String publishedRegion(RegionCode region, byte[] regionKey, Period period, boolean named) {
        return named ? region.value() : pseudonym(regionKey, period);
    }

    /** A date as it may leave the region: its budget year. */
    public static Period coarsen(LocalDate date) {
        return Period.yearOf(date);
    }

    /** The value as published: four decimals at most, no exponent. */
    public static BigDecimal round(BigDecimal value) {
        BigDecimal rounded = value.setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    /**
     * A number of people as it may leave the region: only that it is at least k. Any finer figure, even a power
     * of ten, is one that a large region alone may have in every period, and would tie its pseudonyms of different
     * periods together. Under k it stays as it is: such a figure is suppressed and its count never published.
     */
    public int publishedPeople(long people) {
        return (int) Math.min(people, k);
    }

    /** The record for one figure, suppressed when fewer than k items lie behind it. */
    public ComparisonRecord record(String metric, Period period, String publishedRegion, boolean named, BigDecimal value,
                                   int itemCount, long revision) {
        boolean suppressed = itemCount < k || value == null;
        return new ComparisonRecord(ComparisonRecord.SCHEMA_VERSION, metric, period.value(), publishedRegion, named,
                suppressed ? null : round(value), suppressed, suppressed ? null : itemCount, revision);
    }
}

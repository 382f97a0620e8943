package se.nduh.kernel.need;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

/**
 * The need's equity breakdown was described (a later one replaces the earlier). The gap between its groups is not
 * stored: it follows from the groups and the indicator's direction ({@link HealthInequity#gap}), which a revision
 * of the need may change.
 */
@Revision("1")
public record HealthInequityDescribed(NeedId needId, RegionCode region, HealthInequity inequity) {
}

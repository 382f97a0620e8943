package se.nduh.command.need.api;

import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.region.RegionCode;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the priority feature may know of needs, offered by the need feature: features meet through this port,
 * never through each other's internals.
 */
public interface NeedStandings {

    /** The standing of each of these needs that exists. */
    Map<NeedId, NeedStanding> of(Collection<NeedId> needs);

    /** Every assessed care need of the region that is not withdrawn: what a decision must account for. */
    List<NeedStanding> rankableNeedsOf(RegionCode region);
}

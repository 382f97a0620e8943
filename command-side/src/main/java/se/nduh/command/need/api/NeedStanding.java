package se.nduh.command.need.api;

import se.nduh.kernel.need.Grade;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.region.RegionCode;

/**
 * What a priority round needs to know about a need when ranking or deciding, read from the need itself by the
 * command handler: its region, whether it is an assessed care need, and its severity.
 */
public record NeedStanding(NeedId needId, RegionCode region, boolean assessed, boolean careNeed, Grade severity,
                           boolean withdrawn) {

    public boolean rankable() {
        return assessed && careNeed && !withdrawn;
    }
}

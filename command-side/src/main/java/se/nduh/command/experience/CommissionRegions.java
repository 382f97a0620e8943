package se.nduh.command.experience;

import se.nduh.kernel.commission.CommissionId;
import se.nduh.kernel.region.RegionCode;

import java.util.Optional;

/** Which region a commission belongs to, for linking a shared experience to one of the region's own. */
@FunctionalInterface
interface CommissionRegions {

    /** The commission's region, or empty when there is no such commission. */
    Optional<RegionCode> regionOf(CommissionId commission);
}

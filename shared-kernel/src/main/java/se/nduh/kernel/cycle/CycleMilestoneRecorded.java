package se.nduh.kernel.cycle;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

import java.time.LocalDate;

/** A step of the budget year's wheel was held, on that date, as the reference shows. */
@Revision("1")
public record CycleMilestoneRecorded(RegionCode region, int budgetYear, CycleMilestone milestone, LocalDate heldOn,
                                     String reference) {
}

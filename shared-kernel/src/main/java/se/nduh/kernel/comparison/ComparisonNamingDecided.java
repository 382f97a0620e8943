package se.nduh.kernel.comparison;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

import java.time.LocalDate;

/** The region decided to be named in its comparison records, or to go back to its pseudonym. */
@Revision("1")
public record ComparisonNamingDecided(RegionCode region, boolean named, String decidedBy, LocalDate decisionDate,
                                      String minutesReference) {
}

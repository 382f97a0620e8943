package se.nduh.kernel.commission;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

import java.time.LocalDate;
import java.util.Set;

/** The commission was issued to its provider. */
@Revision("1")
public record CommissionIssued(CommissionId commissionId, RegionCode region, String decidedBy, LocalDate decisionDate, Set<CommissionWarning> warnings) {

    public CommissionIssued {
        warnings = Set.copyOf(warnings);
    }
}

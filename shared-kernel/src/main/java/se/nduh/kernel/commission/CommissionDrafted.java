package se.nduh.kernel.commission;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

import java.util.Set;

/** A commission was drafted, with the warnings its terms carry. */
@Revision("1")
public record CommissionDrafted(CommissionId commissionId, RegionCode region, CommissionTerms terms, Set<CommissionWarning> warnings) {

    public CommissionDrafted {
        warnings = Set.copyOf(warnings);
    }
}

package se.nduh.kernel.commission;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

import java.util.Set;

/** The draft was revised. */
@Revision("1")
public record CommissionDraftRevised(CommissionId commissionId, RegionCode region, CommissionTerms terms, Set<CommissionWarning> warnings) {

    public CommissionDraftRevised {
        warnings = Set.copyOf(warnings);
    }
}

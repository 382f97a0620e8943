package se.nduh.kernel.commission;

import se.nduh.kernel.region.RegionCode;

/** Civil servants draft a commission to a provider for prioritised needs. */
public record DraftCommission(CommissionId commissionId, RegionCode region, CommissionTerms terms) {
}

package se.nduh.kernel.commission;

import se.nduh.kernel.message.Revision;
import se.nduh.kernel.region.RegionCode;

/**
 * The commission was closed and evaluated. {@code findings} came later within revision 1: an event stored without
 * them reads as one whose evaluation found none.
 */
@Revision("1")
public record CommissionClosed(CommissionId commissionId, RegionCode region, Evaluation evaluation, String why,
                               EvaluationFindings findings) {

    public CommissionClosed {
        findings = findings == null ? EvaluationFindings.NONE : findings;
    }
}

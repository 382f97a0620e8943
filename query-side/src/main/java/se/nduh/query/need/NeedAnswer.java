package se.nduh.query.need;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import se.nduh.kernel.need.InequityGap;

import java.math.BigDecimal;
import java.util.List;

/** A need as the API answers it: the stored view and what is derived from it on reading. */
record NeedAnswer(@JsonUnwrapped NeedView need, NeedView.Status status, BigDecimal evidenceScore,
                  boolean populationLevelEvidence,
                  @Schema(description = "The gap between the equity breakdown's groups (skillnad mellan grupper): absolute and relative to the best group, with the worst and best group; null without a breakdown")
                  InequityGap inequityGap,
                  @Schema(description = "The gap between the groups in each data period a breakdown was described for, oldest first")
                  List<NeedView.PeriodGap> groupGapHistory) {

    static NeedAnswer of(NeedView need) {
        return new NeedAnswer(need, need.status(), need.evidenceScore(), need.populationLevelEvidence(), need.inequityGap(),
                need.groupGapHistory());
    }
}

package se.nduh.query.need;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.math.BigDecimal;

/** A need as the API answers it: the stored view and what is derived from it on reading. */
record NeedAnswer(@JsonUnwrapped NeedView need, NeedView.Status status, BigDecimal evidenceScore,
                  boolean populationLevelEvidence) {

    static NeedAnswer of(NeedView need) {
        return new NeedAnswer(need, need.status(), need.evidenceScore(), need.populationLevelEvidence());
    }
}

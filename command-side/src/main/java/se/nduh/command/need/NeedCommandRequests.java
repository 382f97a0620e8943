package se.nduh.command.need;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.nduh.infrastructure.web.Headcount;
import se.nduh.infrastructure.web.Measure;
import se.nduh.kernel.need.EvidenceKind;
import se.nduh.kernel.need.Grade;
import se.nduh.kernel.need.NeedAssessment;

import java.math.BigDecimal;

/** The bodies of the commands on an existing need; {@code expectedVersion} is the version the user saw. */
final class NeedCommandRequests {

    private NeedCommandRequests() {
    }

    record SetHealthTargetRequest(@NotNull @Measure BigDecimal target, @NotNull @Min(2000) @Max(2100) Integer targetYear,
                                  Long expectedVersion) {
    }

    record AttachEvidenceRequest(@NotNull EvidenceKind kind, @NotBlank @Size(max = 400) String source,
                                 @Size(max = 4000) String description,
                                 @NotNull @Min(1) @Max(5) Integer dataQuality,
                                 @NotNull @Min(1) @Max(5) Integer politicalWeight,
                                 Long expectedVersion) {
    }

    record WithdrawalRequest(@NotBlank @Size(max = 2000) String reason, Long expectedVersion) {
    }

    record AssessNeedRequest(@NotNull Boolean careNeed, @NotBlank @Size(max = 4000) String justification,
                             @NotNull Grade severity, @NotNull Grade benefit, @NotNull Grade costEffectiveness,
                             @NotNull Grade evidenceCertainty, @NotNull @Headcount Long peopleAffected,
                             Long expectedVersion) {

        NeedAssessment assessment() {
            return new NeedAssessment(careNeed, justification.strip(), severity, benefit, costEffectiveness,
                    evidenceCertainty, peopleAffected);
        }
    }

    record ReviseNeedRequest(@NotNull @Valid ProposeNeedRequest need, @NotBlank @Size(max = 400) String change,
                             @NotBlank @Size(max = 2000) String reason, Long expectedVersion) {
    }
}

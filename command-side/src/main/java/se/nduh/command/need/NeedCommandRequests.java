package se.nduh.command.need;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.nduh.infrastructure.web.Headcount;
import se.nduh.infrastructure.web.Measure;
import se.nduh.kernel.need.EquityDimension;
import se.nduh.kernel.need.EvidenceKind;
import se.nduh.kernel.need.Grade;
import se.nduh.kernel.need.HealthInequity;
import se.nduh.kernel.need.NeedAssessment;
import se.nduh.kernel.need.PopulationGroup;
import se.nduh.kernel.period.Period;

import java.math.BigDecimal;
import java.util.List;

/** The bodies of the commands on an existing need; {@code expectedVersion} is the version the user saw. */
final class NeedCommandRequests {

    private NeedCommandRequests() {
    }

    /** {@code targetGroupGap}, optional: the gap between the groups of the need's equity breakdown aimed for. */
    record SetHealthTargetRequest(@NotNull @Measure BigDecimal target, @NotNull @Min(2000) @Max(2100) Integer targetYear,
                                  @Measure BigDecimal targetGroupGap, Long expectedVersion) {
    }

    /**
     * The need's equity breakdown: the list is bounded here, the 2 to 12 groups a breakdown compares are the
     * aggregate's rule ({@code InequityGroupsOutOfRange}).
     */
    record DescribeHealthInequityRequest(@NotNull EquityDimension dimension,
                                         @NotNull @Size(max = 100) List<@NotNull @Valid GroupBody> groups,
                                         @Pattern(regexp = "\\d{4}(-Q[1-4])?", message = "must be " + Period.FORMAT_DESCRIPTION)
                                         String period,
                                         Long expectedVersion) {

        record GroupBody(@NotBlank @Size(max = 120) String label, @NotNull @Measure BigDecimal value,
                         @NotNull @Headcount Long count) {
        }

        HealthInequity inequity() {
            return new HealthInequity(dimension, groups.stream()
                    .map(group -> new PopulationGroup(group.label().strip(), group.value(), group.count())).toList(),
                    period == null || period.isBlank() ? null : Period.of(period));
        }
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

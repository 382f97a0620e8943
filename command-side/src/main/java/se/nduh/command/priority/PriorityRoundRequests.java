package se.nduh.command.priority;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.nduh.infrastructure.web.AmountSek;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.priority.Allocation;
import se.nduh.kernel.priority.EthicalPrinciple;
import se.nduh.kernel.priority.NotPrioritised;
import se.nduh.kernel.priority.RankedNeed;
import se.nduh.kernel.priority.RankingCriterion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The bodies of the priority-round commands. */
final class PriorityRoundRequests {

    private PriorityRoundRequests() {
    }

    record OpenRequest(@NotNull @Min(2000) @Max(2100) Integer budgetYear) {
    }

    record RankRequest(@NotEmpty @Size(max = 1000) List<@NotNull @Valid Place> ranking, Long expectedVersion) {

        List<RankedNeed> places() {
            return ranking.stream().map(Place::toRankedNeed).toList();
        }
    }

    record Place(@NotBlank @Size(max = 100) String needId, @NotNull Integer priorityLevel, @NotBlank @Size(max = 4000) String rationale,
                 @NotEmpty Set<@NotNull EthicalPrinciple> principles, @NotEmpty Set<@NotNull RankingCriterion> criteria,
                 @Size(max = 4000) String deviationRationale) {

        RankedNeed toRankedNeed() {
            return new RankedNeed(NeedId.of(needId), priorityLevel, rationale.strip(), principles, criteria,
                    deviationRationale == null || deviationRationale.isBlank() ? null : deviationRationale.strip());
        }
    }

    record DecideRequest(@NotBlank @Size(max = 200) String decidedBy, @NotNull LocalDate decisionDate,
                         @NotBlank @Size(max = 200) String minutesReference,
                         @NotNull @Size(max = 1000) List<@NotNull @Valid AllocationBody> allocations,
                         @NotNull @Size(max = 1000) List<@NotNull @Valid NotPrioritisedBody> notPrioritised,
                         Long expectedVersion) {
    }

    record AllocationBody(@NotBlank @Size(max = 100) String needId, @NotNull @AmountSek BigDecimal amountSek) {

        Allocation toAllocation() {
            return new Allocation(NeedId.of(needId), amountSek);
        }
    }

    record NotPrioritisedBody(@NotBlank @Size(max = 100) String needId, @NotBlank @Size(max = 2000) String reason) {

        NotPrioritised toNotPrioritised() {
            return new NotPrioritised(NeedId.of(needId), reason.strip());
        }
    }

    record ReopenRequest(@NotBlank @Size(max = 2000) String reason, Long expectedVersion) {
    }
}

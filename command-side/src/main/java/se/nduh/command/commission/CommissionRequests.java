package se.nduh.command.commission;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.nduh.infrastructure.indicator.IndicatorCatalogue;
import se.nduh.infrastructure.web.AmountSek;
import se.nduh.infrastructure.web.Measure;
import se.nduh.infrastructure.web.TextOnly;
import io.swagger.v3.oas.annotations.media.Schema;
import se.nduh.kernel.commission.Collaboration;
import se.nduh.kernel.commission.CommissionTerms;
import se.nduh.kernel.commission.Evaluation;
import se.nduh.kernel.commission.EvaluationFindings;
import se.nduh.kernel.commission.FollowUpIndicator;
import se.nduh.kernel.commission.FollowUpIndicatorId;
import se.nduh.kernel.commission.FollowUpLevel;
import se.nduh.kernel.commission.Frequency;
import se.nduh.kernel.commission.Goal;
import se.nduh.kernel.commission.GoalId;
import se.nduh.kernel.commission.PaymentModel;
import se.nduh.kernel.commission.Perspective;
import se.nduh.kernel.commission.Principal;
import se.nduh.kernel.commission.ProposedChange;
import se.nduh.kernel.commission.Provider;
import se.nduh.kernel.commission.RevisedPlan;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.priority.PriorityRoundId;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The bodies of the commission commands. */
final class CommissionRequests {

    private CommissionRequests() {
    }

    record TermsBody(@NotBlank @Size(max = 100) String priorityRoundId, @NotEmpty @Size(max = 200) Set<@NotBlank @Size(max = 100) String> needIds,
                     @NotBlank @Size(max = 200) String provider, @NotBlank @Size(max = 8000) String description,
                     @NotEmpty Set<@NotNull KindOfEffort> kindsOfEffort, @NotNull @Size(max = 100) List<@NotNull @Valid GoalBody> goals,
                     @NotNull LocalDate start, @NotNull LocalDate end,
                     @NotNull @Size(max = 200) List<@NotNull @Valid IndicatorBody> followUpPlan, @NotNull @Valid PaymentBody payment,
                     @Size(max = 100) Set<@NotBlank @Size(max = 400) String> goalsBeyondHealthCare,
                     @Schema(description = "Whether the commission lies within the region's own organisation (the default) or is shared with other principals")
                     @Valid CollaborationBody collaboration) {

        /** The terms; a follow-up indicator linked to the shared catalogue must name one of its indicators. */
        CommissionTerms toTerms(IndicatorCatalogue catalogue) {
            for (int i = 0; i < followUpPlan.size(); i++) {
                String code = followUpPlan.get(i).catalogueCode();
                if (code != null && !code.isBlank()) {
                    catalogue.require(code.strip(), "followUpPlan[" + i + "].catalogueCode");
                }
            }
            return new CommissionTerms(PriorityRoundId.of(priorityRoundId),
                    needIds.stream().map(NeedId::of).collect(Collectors.toSet()), Provider.of(provider.strip()), description.strip(),
                    kindsOfEffort, goals.stream().map(GoalBody::toGoal).toList(), start, end,
                    followUpPlan.stream().map(IndicatorBody::toIndicator).toList(), payment.toPayment(), goalIds(goalsBeyondHealthCare),
                    collaboration == null ? null : collaboration.toCollaboration());
        }
    }

    @Schema(description = "Uppdrag inom egna organisationen (OWN_ORGANISATION, no principals) or i samverkan mellan huvudmän "
            + "(JOINT, with the other principals it is shared with)")
    record CollaborationBody(@NotNull Collaboration.Scope scope, @Size(max = 20) List<@NotNull @Valid PrincipalBody> principals) {

        Collaboration toCollaboration() {
            return new Collaboration(scope, principals == null ? null : principals.stream().map(PrincipalBody::toPrincipal).toList());
        }
    }

    @Schema(description = "Another principal: a MUNICIPALITY or OTHER by its name, a REGION by its region code (name optional)")
    record PrincipalBody(@NotNull Principal.Kind kind, @JsonDeserialize(using = TextOnly.class) @Size(max = 200) String name,
                         @Pattern(regexp = RegionCode.FORMAT_REGEX, message = "must be a region code such as orebro") String region) {

        Principal toPrincipal() {
            return new Principal(kind, name == null || name.isBlank() ? null : name.strip(), region == null ? null : RegionCode.of(region));
        }
    }

    record GoalBody(@NotBlank @Size(max = 60) String goalId, @NotBlank @Size(max = 200) String indicator,
                    @NotNull @Measure BigDecimal baseline, @NotNull @Measure BigDecimal target, @NotNull LocalDate targetDate) {

        Goal toGoal() {
            return new Goal(GoalId.of(goalId), indicator.strip(), baseline, target, targetDate);
        }
    }

    record IndicatorBody(@NotBlank @Size(max = 60) String indicatorId, @NotBlank @Size(max = 200) String name,
                         @NotNull FollowUpLevel level, @NotNull Perspective perspective, @NotNull Frequency frequency,
                         @Size(max = 60) String goalId, @Size(max = 60) String catalogueCode) {

        FollowUpIndicator toIndicator() {
            return new FollowUpIndicator(FollowUpIndicatorId.of(indicatorId), name.strip(), level, perspective, frequency,
                    goalId == null || goalId.isBlank() ? null : GoalId.of(goalId),
                    catalogueCode == null || catalogueCode.isBlank() ? null : catalogueCode.strip());
        }
    }

    record PaymentBody(@NotNull PaymentModel.Kind kind, @NotNull @AmountSek BigDecimal amountSek,
                       @Schema(description = "The share of the amount linked to goals, 0 to 1")
                       @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 6) BigDecimal linkedShare,
                       @Size(max = 100) Set<@NotBlank @Size(max = 60) String> linkedGoalIds) {

        PaymentModel toPayment() {
            return new PaymentModel(kind, amountSek, linkedShare, goalIds(linkedGoalIds));
        }
    }

    private static Set<GoalId> goalIds(Set<String> goalIds) {
        return goalIds == null ? null : goalIds.stream().map(GoalId::of).collect(Collectors.toSet());
    }

    record ReviseRequest(@NotNull @Valid TermsBody terms, Long expectedVersion) {
    }

    record IssueRequest(@NotBlank @Size(max = 200) String decidedBy, @NotNull LocalDate decisionDate, Long expectedVersion) {
    }

    record AnswerRequest(Long expectedVersion) {
    }

    record ChangeRequest(@NotBlank @Size(max = 4000) String requestedChanges, Long expectedVersion) {
    }

    @Schema(description = "Sends the draft as it stands to its provider for dialogue")
    record DialogueRequest(Long expectedVersion) {
    }

    @Schema(description = "The provider's answer to the draft in dialogue: comments, proposed changes, or both")
    record DialogueAnswerRequest(@JsonDeserialize(using = TextOnly.class) @Size(max = 4000) String comments,
                                 @Size(max = 50) List<@NotNull @Valid ProposedChangeBody> proposedChanges, Long expectedVersion) {

        List<ProposedChange> toChanges() {
            return proposedChanges == null ? null : proposedChanges.stream().map(ProposedChangeBody::toChange).toList();
        }

        String strippedComments() {
            return comments == null || comments.isBlank() ? null : comments.strip();
        }
    }

    @Schema(description = "A proposed change to one term of the draft; a change to a GOAL names the goal (goalId), one to another term none")
    record ProposedChangeBody(@NotNull ProposedChange.Term term, @Size(max = 60) String goalId,
                              @JsonDeserialize(using = TextOnly.class) @NotBlank @Size(max = 2000) String proposal) {

        ProposedChange toChange() {
            return new ProposedChange(term, goalId == null || goalId.isBlank() ? null : GoalId.of(goalId), proposal.strip());
        }
    }

    @Schema(description = "Withdraws the round of dialogue the provider has not answered, saying why")
    record DialogueWithdrawalRequest(@JsonDeserialize(using = TextOnly.class) @NotBlank @Size(max = 2000) String reason, Long expectedVersion) {
    }

    @Schema(description = "A revision of an accepted commission's plan: the revised goals, follow-up plan and payment, and why "
            + "(\"Behöver planen revideras?\"). The provider, needs, round and timeline stay as accepted.")
    record PlanRevisionRequest(@NotNull @Size(max = 100) List<@NotNull @Valid GoalBody> goals,
                               @NotNull @Size(max = 200) List<@NotNull @Valid IndicatorBody> followUpPlan,
                               @NotNull @Valid PaymentBody payment,
                               @JsonDeserialize(using = TextOnly.class) @NotBlank @Size(max = 2000) String reason,
                               Long expectedVersion) {

        /** The revised plan; a follow-up indicator linked to the shared catalogue must name one of its indicators. */
        RevisedPlan toPlan(IndicatorCatalogue catalogue) {
            for (int i = 0; i < followUpPlan.size(); i++) {
                String code = followUpPlan.get(i).catalogueCode();
                if (code != null && !code.isBlank()) {
                    catalogue.require(code.strip(), "followUpPlan[" + i + "].catalogueCode");
                }
            }
            return new RevisedPlan(goals.stream().map(GoalBody::toGoal).toList(),
                    followUpPlan.stream().map(IndicatorBody::toIndicator).toList(), payment.toPayment());
        }
    }

    @Schema(description = "Agrees to or withdraws the open plan revision")
    record PlanRevisionAnswerRequest(Long expectedVersion) {
    }

    @Schema(description = "Declines the open plan revision, saying why")
    record PlanRevisionDeclineRequest(@JsonDeserialize(using = TextOnly.class) @NotBlank @Size(max = 2000) String reason, Long expectedVersion) {
    }

    record OutcomeRequest(@NotBlank @Size(max = 60) String indicatorId,
                          @NotNull @Pattern(regexp = "\\d{4}(-Q[1-4])?", message = "must be " + Period.FORMAT_DESCRIPTION) String period,
                          @NotNull @Measure BigDecimal value, @NotBlank @Size(max = 400) String source,
                          @Size(max = 120) String group, Long expectedVersion) {

        /** The group of the population the outcome is of; none (blank) for the whole population. */
        String strippedGroup() {
            return group == null || group.isBlank() ? null : group.strip();
        }
    }

    /** The findings are optional lists of short texts: success factors, obstacles and lessons (framgångsfaktorer, hinder, lärdomar). */
    record CloseRequest(@NotNull Evaluation evaluation, @NotBlank @Size(max = 4000) String why,
                        @JsonDeserialize(contentUsing = TextOnly.class) @Size(max = 20) List<@NotBlank @Size(max = 500) String> successFactors,
                        @JsonDeserialize(contentUsing = TextOnly.class) @Size(max = 20) List<@NotBlank @Size(max = 500) String> obstacles,
                        @JsonDeserialize(contentUsing = TextOnly.class) @Size(max = 20) List<@NotBlank @Size(max = 500) String> lessons,
                        Long expectedVersion) {

        EvaluationFindings toFindings() {
            return new EvaluationFindings(stripped(successFactors), stripped(obstacles), stripped(lessons));
        }

        private static List<String> stripped(List<String> texts) {
            return texts == null ? null : texts.stream().map(String::strip).toList();
        }
    }
}

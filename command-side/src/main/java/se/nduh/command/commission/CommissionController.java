package se.nduh.command.commission;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import se.nduh.command.commission.CommissionRequests.AnswerRequest;
import se.nduh.command.commission.CommissionRequests.ChangeRequest;
import se.nduh.command.commission.CommissionRequests.CloseRequest;
import se.nduh.command.commission.CommissionRequests.DialogueAnswerRequest;
import se.nduh.command.commission.CommissionRequests.DialogueRequest;
import se.nduh.command.commission.CommissionRequests.DialogueWithdrawalRequest;
import se.nduh.command.commission.CommissionRequests.PlanRevisionAnswerRequest;
import se.nduh.command.commission.CommissionRequests.PlanRevisionDeclineRequest;
import se.nduh.command.commission.CommissionRequests.PlanRevisionRequest;
import se.nduh.command.commission.CommissionRequests.IssueRequest;
import se.nduh.command.commission.CommissionRequests.OutcomeRequest;
import se.nduh.command.commission.CommissionRequests.ReviseRequest;
import se.nduh.command.commission.CommissionRequests.TermsBody;
import se.nduh.command.priority.api.PriorityDecisions;
import se.nduh.command.web.CommandSender.Accepted;
import se.nduh.command.web.CommandSender;
import se.nduh.infrastructure.indicator.IndicatorCatalogue;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.infrastructure.security.ActingAs;
import se.nduh.kernel.commission.AcceptCommission;
import se.nduh.kernel.commission.AgreePlanRevision;
import se.nduh.kernel.commission.AnswerDraftDialogue;
import se.nduh.kernel.commission.DeclinePlanRevision;
import se.nduh.kernel.commission.ProposePlanRevision;
import se.nduh.kernel.commission.WithdrawDraftFromDialogue;
import se.nduh.kernel.commission.WithdrawPlanRevision;
import se.nduh.kernel.commission.CloseCommission;
import se.nduh.kernel.commission.CommissionId;
import se.nduh.kernel.commission.CommissionTerms;
import se.nduh.kernel.commission.CommissionWarning;
import se.nduh.kernel.commission.DraftCommission;
import se.nduh.kernel.commission.FollowUpIndicatorId;
import se.nduh.kernel.commission.IssueCommission;
import se.nduh.kernel.commission.OutcomeId;
import se.nduh.kernel.commission.RecordOutcome;
import se.nduh.kernel.commission.RequestCommissionChanges;
import se.nduh.kernel.commission.ReviseCommissionDraft;
import se.nduh.kernel.commission.SendDraftForDialogue;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;

import java.util.Set;

/** Commands on the commissions (uppdrag) of one region and their follow-up (uppföljning). */
@RestController
@RequestMapping("/api/v1/regions/{region}/commissions")
class CommissionController {

    private final CommandSender commands;
    private final RegionDirectory regions;
    private final IndicatorCatalogue catalogue;
    private final PriorityDecisions decisions;

    CommissionController(CommandSender commands, RegionDirectory regions, IndicatorCatalogue catalogue, PriorityDecisions decisions) {
        this.catalogue = catalogue;
        this.decisions = decisions;
        this.commands = commands;
        this.regions = regions;
    }

    @PostMapping
    Mono<ResponseEntity<Accepted>> draft(@PathVariable String region, @Valid @RequestBody TermsBody body,
                                         ServerWebExchange exchange) {
        CommissionId id = CommissionId.of(commands.newId(exchange));
        return commands.create(new DraftCommission(id, region(region), body.toTerms(catalogue)), id.value(), path(region, id.value()), exchange);
    }

    @Schema(description = "The seeds' pitfalls the terms would be drafted with, as warnings")
    record DraftCheck(Set<CommissionWarning> warnings) {
    }

    /**
     * Answers as drafting these terms would, storing nothing: the refusal as a problem, else the warnings, so that a
     * page can show the pitfalls next to the terms while they are written.
     */
    @PostMapping("/draft-check")
    Mono<DraftCheck> checkDraft(@PathVariable String region, @Valid @RequestBody TermsBody body) {
        RegionCode code = region(region);
        return Mono.fromCallable(() -> {
            CommissionTerms terms = body.toTerms(catalogue);
            CommissionPitfalls.requireDraftable(terms, code, decisions.prioritisedNeeds(terms.roundId(), code));
            return new DraftCheck(CommissionPitfalls.warningsOf(terms));
        }).subscribeOn(Schedulers.boundedElastic()); // the round's decision is read with the blocking driver
    }

    @PutMapping("/{id}/draft")
    Mono<ResponseEntity<Accepted>> revise(@PathVariable String region, @PathVariable String id,
                                          @Valid @RequestBody ReviseRequest body, ServerWebExchange exchange) {
        return commands.update(new ReviseCommissionDraft(CommissionId.of(id), region(region), body.terms().toTerms(catalogue),
                body.expectedVersion()), id, exchange);
    }

    @PostMapping("/{id}/dialogue")
    Mono<ResponseEntity<Accepted>> sendForDialogue(@PathVariable String region, @PathVariable String id,
                                                   @Valid @RequestBody DialogueRequest body, ServerWebExchange exchange) {
        return commands.update(new SendDraftForDialogue(CommissionId.of(id), region(region), body.expectedVersion()), id, exchange);
    }

    @PostMapping("/{id}/dialogue-answer")
    Mono<ResponseEntity<Accepted>> answerDialogue(@PathVariable String region, @PathVariable String id,
                                                  @Valid @RequestBody DialogueAnswerRequest body, ServerWebExchange exchange) {
        return commands.update(new AnswerDraftDialogue(CommissionId.of(id), region(region), body.strippedComments(), body.toChanges(),
                ActingAs.of(exchange).actingProvider(), body.expectedVersion()), id, exchange);
    }

    @PostMapping("/{id}/dialogue-withdrawal")
    Mono<ResponseEntity<Accepted>> withdrawDialogue(@PathVariable String region, @PathVariable String id,
                                                    @Valid @RequestBody DialogueWithdrawalRequest body, ServerWebExchange exchange) {
        return commands.update(new WithdrawDraftFromDialogue(CommissionId.of(id), region(region), body.reason().strip(),
                ActingAs.of(exchange).userId(), body.expectedVersion()), id, exchange);
    }

    @PostMapping("/{id}/plan-revision")
    Mono<ResponseEntity<Accepted>> proposePlanRevision(@PathVariable String region, @PathVariable String id,
                                                       @Valid @RequestBody PlanRevisionRequest body, ServerWebExchange exchange) {
        ActingAs acting = ActingAs.of(exchange);
        return commands.update(new ProposePlanRevision(CommissionId.of(id), region(region), body.toPlan(catalogue), body.reason().strip(),
                acting.userId(), acting.actingProvider(), body.expectedVersion()), id, exchange);
    }

    @PostMapping("/{id}/plan-revision/agreement")
    Mono<ResponseEntity<Accepted>> agreePlanRevision(@PathVariable String region, @PathVariable String id,
                                                     @Valid @RequestBody PlanRevisionAnswerRequest body, ServerWebExchange exchange) {
        return commands.update(new AgreePlanRevision(CommissionId.of(id), region(region), ActingAs.of(exchange).userId(),
                body.expectedVersion()), id, exchange);
    }

    @PostMapping("/{id}/plan-revision/decline")
    Mono<ResponseEntity<Accepted>> declinePlanRevision(@PathVariable String region, @PathVariable String id,
                                                       @Valid @RequestBody PlanRevisionDeclineRequest body, ServerWebExchange exchange) {
        return commands.update(new DeclinePlanRevision(CommissionId.of(id), region(region), body.reason().strip(),
                ActingAs.of(exchange).userId(), body.expectedVersion()), id, exchange);
    }

    @PostMapping("/{id}/plan-revision/withdrawal")
    Mono<ResponseEntity<Accepted>> withdrawPlanRevision(@PathVariable String region, @PathVariable String id,
                                                        @Valid @RequestBody PlanRevisionAnswerRequest body, ServerWebExchange exchange) {
        ActingAs acting = ActingAs.of(exchange);
        return commands.update(new WithdrawPlanRevision(CommissionId.of(id), region(region), acting.userId(), acting.actingProvider(),
                body.expectedVersion()), id, exchange);
    }

    @PostMapping("/{id}/issue")
    Mono<ResponseEntity<Accepted>> issue(@PathVariable String region, @PathVariable String id,
                                         @Valid @RequestBody IssueRequest body, ServerWebExchange exchange) {
        return commands.update(new IssueCommission(CommissionId.of(id), region(region), body.decidedBy().strip(),
                body.decisionDate(), body.expectedVersion()), id, exchange);
    }

    @PostMapping("/{id}/acceptance")
    Mono<ResponseEntity<Accepted>> accept(@PathVariable String region, @PathVariable String id,
                                          @Valid @RequestBody AnswerRequest body, ServerWebExchange exchange) {
        return commands.update(new AcceptCommission(CommissionId.of(id), region(region), ActingAs.of(exchange).actingProvider(),
                body.expectedVersion()), id, exchange);
    }

    @PostMapping("/{id}/change-request")
    Mono<ResponseEntity<Accepted>> requestChanges(@PathVariable String region, @PathVariable String id,
                                                  @Valid @RequestBody ChangeRequest body, ServerWebExchange exchange) {
        return commands.update(new RequestCommissionChanges(CommissionId.of(id), region(region),
                body.requestedChanges().strip(), ActingAs.of(exchange).actingProvider(), body.expectedVersion()), id, exchange);
    }

    @PostMapping("/{id}/outcomes")
    Mono<ResponseEntity<Accepted>> recordOutcome(@PathVariable String region, @PathVariable String id,
                                                 @Valid @RequestBody OutcomeRequest body, ServerWebExchange exchange) {
        OutcomeId outcomeId = OutcomeId.of(commands.newId(exchange));
        return commands.add(new RecordOutcome(CommissionId.of(id), region(region), outcomeId, FollowUpIndicatorId.of(body.indicatorId()),
                        Period.of(body.period()), body.value(), body.source().strip(), body.strippedGroup(), ActingAs.of(exchange).actingProvider(),
                        body.expectedVersion()),
                outcomeId.value(), path(region, id), exchange);
    }

    @PostMapping("/{id}/closure")
    Mono<ResponseEntity<Accepted>> close(@PathVariable String region, @PathVariable String id,
                                         @Valid @RequestBody CloseRequest body, ServerWebExchange exchange) {
        return commands.update(new CloseCommission(CommissionId.of(id), region(region), body.evaluation(),
                body.why().strip(), body.toFindings(), body.expectedVersion()), id, exchange);
    }

    private RegionCode region(String region) {
        return regions.code(region);
    }

    private static String path(String region, String id) {
        return "/api/v1/regions/" + region + "/commissions/" + id;
    }
}

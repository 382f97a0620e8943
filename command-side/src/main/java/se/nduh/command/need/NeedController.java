package se.nduh.command.need;

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
import se.nduh.command.need.NeedCommandRequests.AssessNeedRequest;
import se.nduh.command.need.NeedCommandRequests.AttachEvidenceRequest;
import se.nduh.command.need.NeedCommandRequests.DescribeHealthInequityRequest;
import se.nduh.command.need.NeedCommandRequests.ReviseNeedRequest;
import se.nduh.command.need.NeedCommandRequests.SetHealthTargetRequest;
import se.nduh.command.need.NeedCommandRequests.WithdrawalRequest;
import se.nduh.command.web.CommandSender.Accepted;
import se.nduh.command.web.CommandSender;
import se.nduh.infrastructure.indicator.IndicatorCatalogue;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.kernel.need.AssessNeed;
import se.nduh.kernel.need.AttachEvidence;
import se.nduh.kernel.need.DescribeHealthInequity;
import se.nduh.kernel.need.EvidenceId;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.ReviseNeed;
import se.nduh.kernel.need.SetHealthTarget;
import se.nduh.kernel.need.WithdrawEvidence;
import se.nduh.kernel.need.WithdrawNeed;
import se.nduh.kernel.region.RegionCode;

/** Commands on the needs (behov) of one region: one endpoint per command. */
@RestController
@RequestMapping("/api/v1/regions/{region}/needs")
class NeedController {

    private final CommandSender commands;
    private final RegionDirectory regions;
    private final IndicatorCatalogue catalogue;

    NeedController(CommandSender commands, RegionDirectory regions, IndicatorCatalogue catalogue) {
        this.commands = commands;
        this.regions = regions;
        this.catalogue = catalogue;
    }

    @PostMapping
    Mono<ResponseEntity<Accepted>> propose(@PathVariable String region, @Valid @RequestBody ProposeNeedRequest body,
                                           ServerWebExchange exchange) {
        NeedId needId = NeedId.of(commands.newId(exchange));
        return commands.create(body.toCommand(needId, region(region), catalogue), needId.value(),
                "/api/v1/regions/" + region + "/needs/" + needId, exchange);
    }

    @PutMapping("/{id}/health-target")
    Mono<ResponseEntity<Accepted>> setHealthTarget(@PathVariable String region, @PathVariable String id,
                                                   @Valid @RequestBody SetHealthTargetRequest body, ServerWebExchange exchange) {
        return commands.update(new SetHealthTarget(NeedId.of(id), region(region), body.target(), body.targetYear(),
                body.targetGroupGap(), body.expectedVersion()), id, exchange);
    }

    @PutMapping("/{id}/inequity")
    Mono<ResponseEntity<Accepted>> describeInequity(@PathVariable String region, @PathVariable String id,
                                                    @Valid @RequestBody DescribeHealthInequityRequest body, ServerWebExchange exchange) {
        return commands.update(new DescribeHealthInequity(NeedId.of(id), region(region), body.inequity(), body.expectedVersion()),
                id, exchange);
    }

    @PostMapping("/{id}/evidence")
    Mono<ResponseEntity<Accepted>> attachEvidence(@PathVariable String region, @PathVariable String id,
                                                  @Valid @RequestBody AttachEvidenceRequest body, ServerWebExchange exchange) {
        EvidenceId evidenceId = EvidenceId.of(commands.newId(exchange));
        return commands.add(new AttachEvidence(NeedId.of(id), region(region), evidenceId, body.kind(), body.source().strip(),
                        body.description() == null ? "" : body.description().strip(), body.dataQuality(),
                        body.politicalWeight(), body.expectedVersion()),
                evidenceId.value(), "/api/v1/regions/" + region + "/needs/" + id, exchange);
    }

    @PostMapping("/{id}/evidence/{evidenceId}/withdrawal")
    Mono<ResponseEntity<Accepted>> withdrawEvidence(@PathVariable String region, @PathVariable String id,
                                                    @PathVariable String evidenceId, @Valid @RequestBody WithdrawalRequest body,
                                                    ServerWebExchange exchange) {
        return commands.update(new WithdrawEvidence(NeedId.of(id), region(region), EvidenceId.of(evidenceId),
                body.reason().strip(), body.expectedVersion()), id, exchange);
    }

    @PutMapping("/{id}/assessment")
    Mono<ResponseEntity<Accepted>> assess(@PathVariable String region, @PathVariable String id,
                                          @Valid @RequestBody AssessNeedRequest body, ServerWebExchange exchange) {
        return commands.update(new AssessNeed(NeedId.of(id), region(region), body.assessment(), body.expectedVersion()),
                id, exchange);
    }

    @PostMapping("/{id}/revisions")
    Mono<ResponseEntity<Accepted>> revise(@PathVariable String region, @PathVariable String id,
                                          @Valid @RequestBody ReviseNeedRequest body, ServerWebExchange exchange) {
        var described = body.need().toCommand(NeedId.of(id), region(region), catalogue);
        return commands.update(new ReviseNeed(described.needId(), described.region(), described.title(),
                described.description(), described.needGroup(), described.kindsOfEffort(), described.indicator(),
                body.change().strip(), body.reason().strip(), body.expectedVersion()), id, exchange);
    }

    @PostMapping("/{id}/withdrawal")
    Mono<ResponseEntity<Accepted>> withdraw(@PathVariable String region, @PathVariable String id,
                                            @Valid @RequestBody WithdrawalRequest body, ServerWebExchange exchange) {
        return commands.update(new WithdrawNeed(NeedId.of(id), region(region), body.reason().strip(), body.expectedVersion()),
                id, exchange);
    }

    private RegionCode region(String region) {
        return regions.code(region);
    }
}

package se.nduh.command.priority;

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
import se.nduh.command.priority.PriorityRoundRequests.DecideRequest;
import se.nduh.command.priority.PriorityRoundRequests.OpenRequest;
import se.nduh.command.priority.PriorityRoundRequests.RankRequest;
import se.nduh.command.priority.PriorityRoundRequests.ReopenRequest;
import se.nduh.command.web.CommandSender.Accepted;
import se.nduh.command.web.CommandSender;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.kernel.priority.DecidePriorities;
import se.nduh.kernel.priority.OpenPriorityRound;
import se.nduh.kernel.priority.PriorityRoundId;
import se.nduh.kernel.priority.RankPriorities;
import se.nduh.kernel.priority.ReopenPriorityRound;
import se.nduh.kernel.region.RegionCode;

/** Commands on the priority rounds (prioritering) of one region. */
@RestController
@RequestMapping("/api/v1/regions/{region}/priority-rounds")
class PriorityRoundController {

    private final CommandSender commands;
    private final RegionDirectory regions;

    PriorityRoundController(CommandSender commands, RegionDirectory regions) {
        this.commands = commands;
        this.regions = regions;
    }

    @PostMapping
    Mono<ResponseEntity<Accepted>> open(@PathVariable String region, @Valid @RequestBody OpenRequest body,
                                        ServerWebExchange exchange) {
        RegionCode code = region(region);
        PriorityRoundId id = PriorityRoundId.of(code, body.budgetYear());
        return commands.create(new OpenPriorityRound(id, code, body.budgetYear()), id.value(),
                "/api/v1/regions/" + region + "/priority-rounds/" + id, exchange);
    }

    @PutMapping("/{id}/ranking")
    Mono<ResponseEntity<Accepted>> rank(@PathVariable String region, @PathVariable String id,
                                        @Valid @RequestBody RankRequest body, ServerWebExchange exchange) {
        return commands.update(new RankPriorities(PriorityRoundId.of(id), region(region), body.places(),
                body.expectedVersion()), id, exchange);
    }

    @PostMapping("/{id}/decision")
    Mono<ResponseEntity<Accepted>> decide(@PathVariable String region, @PathVariable String id,
                                          @Valid @RequestBody DecideRequest body, ServerWebExchange exchange) {
        return commands.update(new DecidePriorities(PriorityRoundId.of(id), region(region), body.decidedBy().strip(),
                body.decisionDate(), body.minutesReference().strip(),
                body.allocations().stream().map(PriorityRoundRequests.AllocationBody::toAllocation).toList(),
                body.notPrioritised().stream().map(PriorityRoundRequests.NotPrioritisedBody::toNotPrioritised).toList(),
                body.expectedVersion()), id, exchange);
    }

    @PostMapping("/{id}/reopening")
    Mono<ResponseEntity<Accepted>> reopen(@PathVariable String region, @PathVariable String id,
                                          @Valid @RequestBody ReopenRequest body, ServerWebExchange exchange) {
        return commands.update(new ReopenPriorityRound(PriorityRoundId.of(id), region(region), body.reason().strip(),
                body.expectedVersion()), id, exchange);
    }

    private RegionCode region(String region) {
        return regions.code(region);
    }
}

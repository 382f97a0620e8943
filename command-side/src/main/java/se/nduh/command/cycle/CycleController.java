package se.nduh.command.cycle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.nduh.command.web.CommandSender;
import se.nduh.command.web.CommandSender.Accepted;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.kernel.cycle.CycleMilestone;
import se.nduh.kernel.cycle.RecordCycleMilestone;
import se.nduh.kernel.region.RegionCode;

import java.time.LocalDate;

/**
 * {@code POST /api/v1/regions/{region}/arshjul/{budgetYear}/milestones}: a step of the budget year's wheel held in a
 * meeting or a document (a dialogue, the council's decision on plan and budget, the annual report).
 */
@RestController
class CycleController {

    private final CommandSender commands;
    private final RegionDirectory regions;

    CycleController(CommandSender commands, RegionDirectory regions) {
        this.commands = commands;
        this.regions = regions;
    }

    record MilestoneRequest(@NotNull CycleMilestone milestone, @NotNull LocalDate heldOn,
                            @NotBlank @Size(max = 200) String reference, Long expectedVersion) {
    }

    @PostMapping("/api/v1/regions/{region}/arshjul/{budgetYear}/milestones")
    Mono<ResponseEntity<Accepted>> record(@PathVariable String region, @PathVariable @Min(2000) @Max(2100) int budgetYear,
                                          @Valid @RequestBody MilestoneRequest body, ServerWebExchange exchange) {
        RegionCode code = regions.code(region);
        RecordCycleMilestone command = new RecordCycleMilestone(code, budgetYear, body.milestone(), body.heldOn(),
                body.reference().strip(), body.expectedVersion());
        return commands.update(command, command.targetAggregateId(), exchange);
    }
}

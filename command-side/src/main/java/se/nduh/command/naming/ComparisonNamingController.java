package se.nduh.command.naming;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.nduh.command.web.CommandSender.Accepted;
import se.nduh.command.web.CommandSender;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.kernel.comparison.DecideComparisonNaming;
import se.nduh.kernel.region.RegionCode;

import java.time.LocalDate;

/**
 * {@code PUT /api/v1/regions/{region}/comparison-naming}: the elected officials' decision whether the region is
 * named in the network's comparisons ({@code named: true}) or appears by its pseudonym ({@code named: false}).
 */
@RestController
class ComparisonNamingController {

    private final CommandSender commands;
    private final RegionDirectory regions;

    ComparisonNamingController(CommandSender commands, RegionDirectory regions) {
        this.commands = commands;
        this.regions = regions;
    }

    record NamingRequest(@NotNull Boolean named, @NotBlank @Size(max = 200) String decidedBy, @NotNull LocalDate decisionDate,
                         @NotBlank @Size(max = 200) String minutesReference, Long expectedVersion) {
    }

    @PutMapping("/api/v1/regions/{region}/comparison-naming")
    Mono<ResponseEntity<Accepted>> decide(@PathVariable String region, @Valid @RequestBody NamingRequest body,
                                          ServerWebExchange exchange) {
        RegionCode code = regions.code(region);
        DecideComparisonNaming command = new DecideComparisonNaming(code, body.named(), body.decidedBy().strip(),
                body.decisionDate(), body.minutesReference().strip(), body.expectedVersion());
        return commands.update(command, command.targetAggregateId(), exchange);
    }
}

package se.nduh.command.experience;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.nduh.command.experience.ExperienceRequests.ReleaseRequest;
import se.nduh.command.experience.ExperienceRequests.ShareRequest;
import se.nduh.command.web.CommandSender.Accepted;
import se.nduh.command.web.CommandSender;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.kernel.experience.ExperienceId;
import se.nduh.kernel.experience.ReleaseExperience;

import java.time.LocalDate;
import java.time.ZoneId;

/** Commands on the shared experiences (erfarenheter) of one region: sharing, and releasing to the network. */
@RestController
@RequestMapping("/api/v1/regions/{region}/experiences")
class ExperienceController {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final CommandSender commands;
    private final RegionDirectory regions;

    ExperienceController(CommandSender commands, RegionDirectory regions) {
        this.commands = commands;
        this.regions = regions;
    }

    @PostMapping
    Mono<ResponseEntity<Accepted>> share(@PathVariable String region, @Valid @RequestBody ShareRequest body,
                                         ServerWebExchange exchange) {
        ExperienceId id = ExperienceId.of(commands.newId(exchange));
        return commands.create(body.toCommand(id, regions.code(region)), id.value(),
                "/api/v1/regions/" + region + "/experiences/" + id, exchange);
    }

    @PostMapping("/{id}/release")
    Mono<ResponseEntity<Accepted>> release(@PathVariable String region, @PathVariable String id,
                                           @Valid @RequestBody ReleaseRequest body, ServerWebExchange exchange) {
        LocalDate releasedOn = body.releasedOn() == null ? LocalDate.now(SWEDEN) : body.releasedOn();
        return commands.update(new ReleaseExperience(ExperienceId.of(id), regions.code(region), releasedOn,
                body.expectedVersion()), id, exchange);
    }
}

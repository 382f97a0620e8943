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
import se.nduh.command.experience.ExperienceRequests.CurateRequest;
import se.nduh.command.experience.ExperienceRequests.RetireRequest;
import se.nduh.command.web.CommandSender.Accepted;
import se.nduh.command.web.CommandSender;
import se.nduh.kernel.experience.CurateBestPractice;
import se.nduh.kernel.experience.ExperienceId;
import se.nduh.kernel.experience.RetireBestPractice;

/**
 * The network's coordinators curate released experiences as best practice: an entry of the library is created
 * by naming the experience ({@code 201} with its place on the query side) and retired with a reason.
 */
@RestController
@RequestMapping("/api/v1/best-practice")
class BestPracticeController {

    private final CommandSender commands;

    BestPracticeController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    Mono<ResponseEntity<Accepted>> curate(@Valid @RequestBody CurateRequest body, ServerWebExchange exchange) {
        String id = body.experienceId().strip();
        return commands.add(new CurateBestPractice(ExperienceId.of(id), body.strippedTags(), body.why().strip(),
                body.expectedVersion()), id, "/api/v1/best-practice/" + id, exchange);
    }

    @PostMapping("/{experienceId}/retirement")
    Mono<ResponseEntity<Accepted>> retire(@PathVariable String experienceId, @Valid @RequestBody RetireRequest body,
                                          ServerWebExchange exchange) {
        return commands.update(new RetireBestPractice(ExperienceId.of(experienceId), body.reason().strip(),
                body.expectedVersion()), experienceId, exchange);
    }
}

package se.nduh.command.bestpractice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.nduh.command.web.CommandSender.Accepted;
import se.nduh.command.web.CommandSender;
import se.nduh.kernel.experience.CurateBestPractice;
import se.nduh.kernel.experience.ExperienceId;
import se.nduh.kernel.experience.RetireBestPractice;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The network's coordinators curate released experiences as best practice: an entry of the library is created
 * by naming the experience ({@code 201} with its place on the query side) and retired with a reason. Served by the
 * network's deployment only; a region's own answers {@code 404}.
 */
@RestController
@ConditionalOnProperty(name = "nduh.network.enabled", havingValue = "true", matchIfMissing = true)
@RequestMapping("/api/v1/best-practice")
class BestPracticeController {

    private final CommandSender commands;

    /** {@code expectedVersion} is the version the user saw. */
    record CurateRequest(@NotBlank @Size(max = 100) String experienceId, @NotEmpty @Size(max = 20) Set<@NotBlank @Size(max = 60) String> tags,
                         @NotBlank @Size(max = 4000) String why, Long expectedVersion) {

        Set<String> strippedTags() {
            return tags.stream().map(String::strip).collect(Collectors.toSet());
        }
    }

    record RetireRequest(@NotBlank @Size(max = 2000) String reason, Long expectedVersion) {
    }

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

package se.nduh.command.need;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.nduh.command.CommandSender;
import se.nduh.command.CommandSender.Accepted;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.kernel.need.NeedId;

/** Commands on needs (behov) of one region. */
@RestController
class NeedController {

    private final CommandSender commands;
    private final RegionDirectory regions;

    NeedController(CommandSender commands, RegionDirectory regions) {
        this.commands = commands;
        this.regions = regions;
    }

    @PostMapping("/api/v1/regions/{region}/needs")
    Mono<ResponseEntity<Accepted>> propose(@PathVariable String region, @Valid @RequestBody ProposeNeedRequest body,
                                           ServerWebExchange exchange) {
        NeedId needId = NeedId.random();
        var command = body.toCommand(needId, regions.require(region).code());
        return commands.create(command, needId.value(), "/api/v1/regions/" + region + "/needs/" + needId, exchange);
    }
}

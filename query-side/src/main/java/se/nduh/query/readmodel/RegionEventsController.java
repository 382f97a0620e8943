package se.nduh.query.readmodel;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import se.nduh.infrastructure.region.RegionDirectory;

import java.time.Duration;

/**
 * {@code GET /api/v1/regions/{region}/events}: the region's read-model changes as Server-Sent Events, so an
 * open page sees a new need, ranking or outcome without reloading. A comment at once and every 15 s keeps
 * proxies from closing a quiet stream.
 */
@RestController
class RegionEventsController {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final ReadModelUpdates updates;
    private final RegionDirectory regions;

    RegionEventsController(ReadModelUpdates updates, RegionDirectory regions) {
        this.updates = updates;
        this.regions = regions;
    }

    @GetMapping(path = "/api/v1/regions/{region}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<ReadModelUpdates.Update>> events(@PathVariable String region) {
        regions.require(region);
        Flux<ServerSentEvent<ReadModelUpdates.Update>> changes = updates.ofRegion(region)
                .map(update -> ServerSentEvent.builder(update).event(update.readModel())
                        .id(update.id() + "@" + update.version()).build());
        // The first comment at once: the client knows the stream is open before anything changes.
        Flux<ServerSentEvent<ReadModelUpdates.Update>> heartbeat = Flux.interval(Duration.ZERO, HEARTBEAT)
                .map(tick -> ServerSentEvent.<ReadModelUpdates.Update>builder().comment("heartbeat").build());
        return Flux.merge(changes, heartbeat);
    }
}

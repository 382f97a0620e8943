package se.nduh.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import se.nduh.infrastructure.eventstore.ChainVerifier;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.query.audit.ChainCheckpoints.Checkpoint;
import se.nduh.query.audit.ChainCheckpoints.CheckpointCheck;
import se.nduh.query.readmodel.Page;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.function.LongConsumer;

/**
 * Whether a region's event record is untouched: every aggregate's hash chain checked as stored, and the Merkle root
 * up to a checkpoint recomputed — one the auditor kept ({@code position} and {@code root}) or else the platform's
 * latest. As JSON, or as Server-Sent Events that tell the progress first.
 */
@RestController
class ChainVerificationController {

    /** A whole store is read per verification: a few at once, the rest are told to come back. */
    private static final int AT_ONCE = 2;
    private static final int BREAKS_SHOWN = 100;

    /**
     * @param intact           no chain broken and the checkpoint (if any) holds
     * @param eventsRead       the store's events read to find the region's; {@code eventsPerSecond} is of these
     * @param brokenAggregates how many aggregates have a break; {@code breaks} shows the first {@value #BREAKS_SHOWN}
     * @param root             the Merkle root over the aggregates' last events now
     */
    record Verification(String region, Instant checkedAt, boolean intact, long eventsRead, long events, long eventsBeforeChain, int aggregates,
                        int brokenAggregates, List<ChainVerifier.Break> breaks, String root, CheckpointCheck checkpoint,
                        double seconds, long eventsPerSecond) {
    }

    private final ChainCheckpoints checkpoints;
    private final RegionDirectory regions;
    private final Semaphore running = new Semaphore(AT_ONCE);

    ChainVerificationController(ChainCheckpoints checkpoints, RegionDirectory regions) {
        this.checkpoints = checkpoints;
        this.regions = regions;
    }

    @Operation(summary = "Whether the region's event record is untouched",
            description = "Every aggregate's hash chain checked as stored, the first break of each broken aggregate, and a checkpoint "
                    + "checked: the one given by position and root, or else the region's latest. As text/event-stream, progress first.")
    @GetMapping(path = "/api/v1/regions/{region}/audit/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Verification> verify(@PathVariable String region,
                              @Parameter(description = "The position of a kept checkpoint; with root")
                              @RequestParam(required = false) @Min(0) @Max(1_000_000_000_000L) Long position,
                              @Parameter(description = "The root of a kept checkpoint, 64 hex digits; with position")
                              @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{64}") String root) {
        regions.require(region);
        Checkpoint kept = kept(region, position, root);
        return Mono.fromCallable(exclusively(() -> verification(region, kept, read -> { })))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The same, as events: {@code progress} with the events read so far, then {@code result}. */
    @GetMapping(path = "/api/v1/regions/{region}/audit/verification", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> verifyWithProgress(@PathVariable String region,
                                                     @RequestParam(required = false) @Min(0) @Max(1_000_000_000_000L) Long position,
                                                     @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{64}") String root) {
        regions.require(region);
        Checkpoint kept = kept(region, position, root);
        return Flux.<ServerSentEvent<Object>>create(sink -> {
            try {
                Verification result = exclusively(() -> verification(region, kept,
                        read -> sink.next(ServerSentEvent.builder((Object) new Progress(read)).event("progress").build()))).call();
                sink.next(ServerSentEvent.builder((Object) result).event("result").build());
                sink.complete();
            } catch (Exception e) {
                sink.error(e);
            }
        }, FluxSink.OverflowStrategy.BUFFER).subscribeOn(Schedulers.boundedElastic());
    }

    record Progress(long eventsRead) {
    }

    @Operation(summary = "The region's checkpoints, newest first: position, Merkle root, time, signature")
    @GetMapping("/api/v1/regions/{region}/audit/checkpoints")
    Mono<Page<Checkpoint>> checkpoints(@PathVariable String region, @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        regions.require(region);
        return Mono.fromCallable(() -> new Page<>(checkpoints.list(region, page, size), page, size, checkpoints.count(region)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(summary = "Take a checkpoint of the region's event record now")
    @PostMapping("/api/v1/regions/{region}/audit/checkpoints")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Checkpoint> takeCheckpoint(@PathVariable String region) {
        regions.require(region);
        return Mono.fromCallable(exclusively(() -> checkpoints.take(regions.code(region), read -> { })))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Verification verification(String region, Checkpoint kept, LongConsumer progress) {
        long started = System.nanoTime();
        ChainVerifier.Result now = checkpoints.verifier().verify(region, Long.MAX_VALUE, progress);
        CheckpointCheck check = kept == null ? null : checkpoints.check(kept);
        double seconds = Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0;
        return new Verification(region, Instant.now(), now.intact() && (check == null || check.holds()), now.eventsRead(), now.events(),
                now.eventsBeforeChain(), now.aggregates(), now.breaks().size(),
                now.breaks().subList(0, Math.min(BREAKS_SHOWN, now.breaks().size())), now.root(), check, seconds,
                seconds == 0 ? now.eventsRead() : Math.round(now.eventsRead() / seconds));
    }

    /** The checkpoint the auditor names (both position and root), or the platform's latest, or none yet. */
    private Checkpoint kept(String region, Long position, String root) {
        if ((position == null) != (root == null)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "position and root are given together: the checkpoint an auditor kept");
        }
        if (position != null) {
            return new Checkpoint(region, position, root, 0, 0, null, null, null);
        }
        return checkpoints.find(region, null).orElse(null);
    }

    /** The work, if fewer than {@value #AT_ONCE} such are running; else a {@code 429}. */
    private <T> Callable<T> exclusively(Callable<T> work) {
        return () -> {
            if (!running.tryAcquire()) {
                throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "A verification is running; try again when it is done");
            }
            try {
                return work.call();
            } finally {
                running.release();
            }
        };
    }
}

package se.nduh.query.readmodel;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What the projections have just written, as a live stream: pages follow it over Server-Sent Events, and a
 * reader that wants its own write waits on it for the aggregate's version instead of sleeping.
 */
@Component
public class ReadModelUpdates {

    /** A read model changed: which one, for which region, which item, and the event version it now reflects. */
    public record Update(String readModel, String region, String id, long version) {
    }

    /** The answer when a projection has not reached the version in time: a 503 problem saying where it stands. */
    static class NotCaughtUp extends ErrorResponseException {

        NotCaughtUp(long version, long standsAt) {
            super(HttpStatus.SERVICE_UNAVAILABLE, problem(version, standsAt), null);
            getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        }

        private static ProblemDetail problem(long version, long standsAt) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The read model has not reached version " + version + " yet; it stands at " + standsAt + ".");
            problem.setTitle("Not caught up yet");
            problem.setProperty("standsAt", standsAt);
            return problem;
        }
    }

    private static final int BACKLOG = 1024;

    private final Sinks.Many<Update> sink = Sinks.many().multicast().directBestEffort();

    /** Called once a projection's writes are stored; never blocks, never fails the projection. */
    public void published(Update update) {
        // Not emitNext: a failure it gives up on (an overflow) would end the stream for every reader, waiters included.
        Sinks.EmitResult result = sink.tryEmitNext(update);
        while (result == Sinks.EmitResult.FAIL_NON_SERIALIZED) { // another processor is telling at this moment
            Thread.onSpinWait();
            result = sink.tryEmitNext(update);
        }
    }

    /**
     * The region's updates, kept for a reader that is slower than a batch of them (a processor tells a batch's at
     * once: without a backlog of its own a page's stream lost those that came while it was writing). A reader
     * {@value #BACKLOG} behind fails instead of missing some: a page then opens its stream again and reads anew.
     */
    public Flux<Update> ofRegion(String region) {
        return sink.asFlux().filter(update -> update.region().equals(region)).onBackpressureBuffer(BACKLOG);
    }

    /**
     * Completes once the item's read model reflects at least {@code version}: at once if it already does or no
     * version is asked for, else
     * when the projection writes it, or fails with {@link NotCaughtUp} after {@code timeout}.
     */
    public Mono<Void> awaitVersion(String readModel, String region, String id, Long version, Duration timeout, Supplier<Mono<Long>> stored) {
        if (version == null) {
            return Mono.empty();
        }
        Mono<Long> written = sink.asFlux()
                .filter(update -> update.readModel().equals(readModel) && update.id().equals(id) && update.version() >= version
                        && (region == null || region.equals(update.region())))
                .map(Update::version)
                .next();
        // Subscribe to the stream before reading the store, so a write between the two is not missed.
        return Flux.merge(written, stored.get().filter(current -> current >= version))
                .next()
                .timeout(timeout)
                .onErrorResume(TimeoutException.class, e -> stored.get().flatMap(current -> Mono.error(new NotCaughtUp(version, current))))
                .then();
    }
}

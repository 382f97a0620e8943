package se.nduh.command.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import se.nduh.infrastructure.eventstore.EventStoreConfiguration;
import se.nduh.infrastructure.security.ActingAs;
import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.experience.RetireBestPractice;
import se.nduh.kernel.rule.Rule;
import se.nduh.kernel.rule.RuleViolation;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends a command with the metadata every event must carry, taken from the request, never from its body:
 * who acts, in which role and region, and the correlation id that ties the request's effects together. Each
 * command sent is timed by type and outcome ({@value #COMMANDS}), here rather than on the command bus, since
 * this is where an id of another region becomes that region's rule and a stale version a conflict.
 */
@Component
public class CommandSender {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    static final String COMMANDS = "nduh.commands";

    private final CommandGateway gateway;
    private final IdempotencyKeys idempotencyKeys;
    private final String queryBaseUrl;
    private final MeterRegistry metrics;

    CommandSender(CommandGateway gateway, IdempotencyKeys idempotencyKeys, @Value("${nduh.query-side.url}") String queryBaseUrl,
                  MeterRegistry metrics) {
        this.gateway = gateway;
        this.idempotencyKeys = idempotencyKeys;
        this.queryBaseUrl = queryBaseUrl;
        this.metrics = metrics;
    }

    /** The answer to an accepted command: the aggregate's id and the version it reached. */
    public record Accepted(String id, long version) {
    }

    /** Sends a command that creates an aggregate; answers {@code 201} with its id and where to read it. */
    public Mono<ResponseEntity<Accepted>> create(Object command, String id, String readPath, ServerWebExchange exchange) {
        return once(command, id, new Answer(HttpStatus.CREATED, id, URI.create(queryBaseUrl + readPath)), exchange);
    }

    /** Sends a command to an existing aggregate; answers {@code 200} with its id and the version it reached. */
    public Mono<ResponseEntity<Accepted>> update(Object command, String id, ServerWebExchange exchange) {
        return once(command, id, new Answer(HttpStatus.OK, id, null), exchange);
    }

    /** Sends a command that adds a part (such as evidence) to an aggregate; answers {@code 201}. */
    public Mono<ResponseEntity<Accepted>> add(Object command, String partId, String readPath, ServerWebExchange exchange) {
        return once(command, partId, new Answer(HttpStatus.CREATED, partId, URI.create(queryBaseUrl + readPath)), exchange);
    }

    /**
     * The id of the aggregate or part a request creates: with an {@code Idempotency-Key}, the same for every attempt
     * of the request, so that a retry cannot create a second one; without, a new random one.
     */
    public String newId(ServerWebExchange exchange) {
        String key = idempotencyKey(exchange);
        return key == null ? UUID.randomUUID().toString() : IdempotencyKeys.newId(ActingAs.of(exchange).userId(), key);
    }

    /** What an accepted command answers, all known before it is sent but the version its aggregate reaches. */
    record Answer(HttpStatus status, String id, URI location) {

        ResponseEntity<Accepted> at(long version) {
            ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
            if (location != null) {
                answer.location(location);
            }
            return answer.body(new Accepted(id, version));
        }
    }

    /** With an {@code Idempotency-Key}, the same request by the same user is carried out once. */
    private Mono<ResponseEntity<Accepted>> once(Object command, String id, Answer answer, ServerWebExchange exchange) {
        String key = idempotencyKey(exchange);
        if (key == null) {
            return send(command, exchange, MetaData.emptyInstance()).map(answer::at);
        }
        String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value()
                + " " + RequestFingerprint.of(exchange);
        // A creating command's events go to the new aggregate; every other command names its target.
        String aggregateId = command instanceof AggregateCommand target ? target.targetAggregateId() : id;
        return idempotencyKeys.once(ActingAs.of(exchange).userId(), key, request,
                new IdempotencyKeys.Command(aggregateId, answer, claim -> send(command, exchange, claim)));
    }

    /**
     * Sends the command and answers the version its aggregate reached: a handler answers it, except that a
     * constructor answers the new aggregate's id, and a new aggregate is at version 0. The command bus runs the
     * handler, its store writes and the command side's own views in the sending thread, all of it blocking: that
     * thread is one of the bounded elastic pool's, never one of the few event-loop threads that serve every request.
     */
    private Mono<Long> send(Object command, ServerWebExchange exchange, MetaData claim) {
        MetaData acting = metaData(exchange);
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(metrics);
            return Mono.fromFuture(() -> gateway.send(GenericCommandMessage.asCommandMessage(command)
                            .andMetaData(acting).andMetaData(claim)))
                    .subscribeOn(Schedulers.boundedElastic())
                    .map(result -> result instanceof Long version ? version : 0L)
                    .onErrorMap(AggregateNotFoundException.class, notFound -> notInRegion(command, notFound))
                    .doOnSuccess(version -> sample.stop(timer(command, "accepted")))
                    .doOnError(failure -> sample.stop(timer(command, outcome(failure))));
        });
    }

    /** Count and latency in one, with a histogram so that the operators' dashboard can show percentiles. */
    private Timer timer(Object command, String outcome) {
        return Timer.builder(COMMANDS)
                .description("Commands sent, by type and outcome: accepted, refused by a rule, conflict (a stale version), error")
                .tag("command", command.getClass().getSimpleName())
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(metrics);
    }

    private static String idempotencyKey(ServerWebExchange exchange) {
        String key = exchange.getRequest().getHeaders().getFirst(IdempotencyKeys.HEADER);
        return key == null || key.isBlank() ? null : key.strip();
    }

    private static String outcome(Throwable failure) {
        // An id that names nothing is refused like another region's, even where no rule names it.
        if (failure instanceof RuleViolation || failure instanceof AggregateNotFoundException) {
            return "refused";
        }
        if (failure instanceof ConcurrencyException || failure instanceof ConflictingAggregateVersionException) {
            return "conflict";
        }
        return "error";
    }

    /**
     * An id that names nothing is answered exactly as another region's id is (the aggregate's own
     * {@code …NotInRegion} rule), so that no answer tells whether an id exists in another region; retiring what the
     * network never curated is the network's own rule.
     */
    private static RuntimeException notInRegion(Object command, AggregateNotFoundException notFound) {
        if (command instanceof RetireBestPractice) {
            return Rule.BestPracticeNotCurated.violation("experienceId");
        }
        return switch (command.getClass().getPackageName()) {
            case "se.nduh.kernel.need" -> Rule.NeedNotInRegion.violation("needId");
            case "se.nduh.kernel.priority" -> Rule.PriorityRoundNotInRegion.violation("roundId");
            case "se.nduh.kernel.commission" -> Rule.CommissionNotInRegion.violation("commissionId");
            case "se.nduh.kernel.experience" -> Rule.ExperienceNotInRegion.violation("experienceId");
            default -> notFound;
        };
    }

    private static MetaData metaData(ServerWebExchange exchange) {
        ActingAs acting = ActingAs.of(exchange);
        Map<String, Object> values = new HashMap<>();
        values.put(EventStoreConfiguration.USER_ID, acting.userId());
        values.put(EventStoreConfiguration.ROLE, acting.role().code());
        values.put(EventStoreConfiguration.REGION, acting.region());
        String correlation = exchange.getRequest().getHeaders().getFirst(CORRELATION_HEADER);
        values.put(EventStoreConfiguration.CORRELATION_ID,
                correlation == null || correlation.isBlank() ? UUID.randomUUID().toString() : correlation);
        return MetaData.from(values);
    }
}

package se.nduh.command.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.Optional;

/**
 * What ties a command to the idempotency claim it is sent under: the claim's id, copied onto every event the
 * command stores so that a retry after a crash can find them, and the end of the claim's lease, after which the
 * command stores nothing, since from then on a retry may take the claim over and send the command itself. A retry
 * that took the claim over names the aggregate: the dead attempt's store may have answered late, so its events
 * may have landed since the retry looked for them.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyClaims {

    static final String CLAIM = "idempotencyClaim";
    static final String LEASE_ENDS = "idempotencyLeaseEnds";
    static final String TAKEN_OVER = "idempotencyTakenOver";

    static MetaData metaData(String claimId, Instant leaseEnds) {
        return MetaData.with(CLAIM, claimId).and(LEASE_ENDS, leaseEnds.toString());
    }

    /** The claim of a retry that took it over from a dead attempt, whose events would be the aggregate's. */
    static MetaData takenOver(String claimId, Instant leaseEnds, String aggregateId) {
        return metaData(claimId, leaseEnds).and(TAKEN_OVER, aggregateId);
    }

    /**
     * The version the aggregate reached with the last stored event carrying the claim, if any does. Read from the
     * storage engine, not the event store, which would add the events the running command has staged.
     */
    static Optional<Long> versionStoredBy(EventStorageEngine events, String aggregateId, String claimId) {
        return events.readEvents(aggregateId, 0).asStream()
                .filter(event -> claimId.equals(event.getMetaData().get(CLAIM)))
                .map(DomainEventMessage::getSequenceNumber)
                .reduce(Math::max);
    }

    @Bean
    CorrelationDataProvider idempotencyClaimProvider() {
        return new SimpleCorrelationDataProvider(CLAIM);
    }

    /**
     * Checked once the handler has decided, before its events are stored: a command past its lease is rolled back,
     * so its key is released and the client may send it again; a retry that took a claim over is rolled back if the
     * dead attempt's events are stored by now, and they are its answer. Events that land later still cannot make a
     * command twice: they and the retry's would take the same sequence number of the same aggregate (a created
     * aggregate's id is the key's, {@link CommandSender#newId}), and the store keeps the first.
     */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> leaseGuard(EventStorageEngine events) {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            MetaData metaData = unitOfWork.getMessage().getMetaData();
            Object leaseEnds = metaData.get(LEASE_ENDS);
            if (leaseEnds != null && !Instant.now().isBefore(Instant.parse((String) leaseEnds))) {
                throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        "The command took longer than its Idempotency-Key is held and was not carried out; send it again.");
            }
            Object takenOver = metaData.get(TAKEN_OVER);
            if (takenOver != null && versionStoredBy(events, (String) takenOver, (String) metaData.get(CLAIM)).isPresent()) {
                throw new ConcurrencyException("An earlier attempt with this Idempotency-Key stored its events after all.");
            }
            return result;
        };
    }
}

package se.nduh.command.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;

/**
 * What ties a command to the idempotency claim it is sent under: the claim's id, copied onto every event the
 * command stores so that a retry after a crash can find them, and the end of the claim's lease, after which the
 * command stores nothing, since from then on a retry may take the claim over and send the command itself.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyClaims {

    static final String CLAIM = "idempotencyClaim";
    static final String LEASE_ENDS = "idempotencyLeaseEnds";

    static MetaData metaData(String claimId, Instant leaseEnds) {
        return MetaData.with(CLAIM, claimId).and(LEASE_ENDS, leaseEnds.toString());
    }

    @Bean
    CorrelationDataProvider idempotencyClaimProvider() {
        return new SimpleCorrelationDataProvider(CLAIM);
    }

    /**
     * Checked once the handler has decided, before its events are stored: a command past its lease is rolled back,
     * so its key is released and the client may send it again.
     */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> leaseGuard() {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            Object leaseEnds = unitOfWork.getMessage().getMetaData().get(LEASE_ENDS);
            if (leaseEnds != null && !Instant.now().isBefore(Instant.parse((String) leaseEnds))) {
                throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        "The command took longer than its Idempotency-Key is held and was not carried out; send it again.");
            }
            return result;
        };
    }
}

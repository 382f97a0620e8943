package se.nduh.infrastructure.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import se.nduh.kernel.message.AggregateCommand;

/**
 * Routes kernel commands to their aggregate without Axon annotations in the kernel, and passes on the
 * version the user saw so that Axon refuses a stale change.
 */
public class KernelCommandTargetResolver implements CommandTargetResolver {

    public static final String BEAN_NAME = "kernelCommandTargetResolver";

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (!(command.getPayload() instanceof AggregateCommand target)) {
            throw new IllegalArgumentException(command.getPayloadType().getSimpleName() + " names no target aggregate");
        }
        return new VersionedAggregateIdentifier(target.targetAggregateId(), target.expectedVersion());
    }
}

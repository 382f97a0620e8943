package se.nduh.kernel.message;

/**
 * A command on an existing aggregate: which one, and optionally the version the user saw, so that a change
 * made meanwhile by someone else is refused instead of silently overwritten.
 */
public interface AggregateCommand {

    String targetAggregateId();

    /** The version the user saw, or {@code null} to act on whatever is current. */
    Long expectedVersion();
}

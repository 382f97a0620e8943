package se.nduh.infrastructure.eventstore;

import se.nduh.kernel.hash.Hashes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Each aggregate's events form a hash chain: an event's metadata carries {@value #PREVIOUS_HASH}, the hash of the
 * aggregate's event before it (or {@link #GENESIS} for its first), and {@value #HASH}, SHA-256 over a canonical form
 * of what was stored — the previous hash, aggregate, type, sequence number, payload type and revision, timestamp,
 * serialized payload, event id and the metadata that say who acted and why. Changing, removing, inserting or
 * reordering an event breaks the chain at that event or the next.
 */
public final class EventChain {

    public static final String PREVIOUS_HASH = "previousHash";
    public static final String HASH = "hash";
    /** The previous hash of an aggregate's first event. */
    public static final String GENESIS = "0".repeat(64);
    /** Names the canonical form, so that a later form cannot be mistaken for this one. */
    private static final String FORM = "nduh-event-chain-v1";
    private static final List<String> CHAINED_METADATA = List.of(EventStoreConfiguration.USER_ID, EventStoreConfiguration.ROLE,
            EventStoreConfiguration.REGION, EventStoreConfiguration.CORRELATION_ID, EventStoreConfiguration.CAUSATION_ID,
            EventStoreConfiguration.COMMAND_NAME);

    private EventChain() {
    }

    /** The event's hash when it follows {@code previousHash}; hex, lower case. */
    public static String hashOf(StoredEvent event, String previousHash) {
        List<String> fields = new ArrayList<>(Arrays.asList(FORM, previousHash, event.aggregateIdentifier(), event.type(),
                Long.toString(event.sequenceNumber()), event.payloadType(), event.payloadRevision(),
                event.timestamp(), event.serializedPayload(), event.eventIdentifier()));
        CHAINED_METADATA.forEach(key -> fields.add(event.metaData().get(key)));
        return HexFormat.of().formatHex(Hashes.sha256(Hashes.lengthPrefixed(fields)));
    }

    /** The hash the event stored, or for an event stored before the chain, the one it would have had first in its chain. */
    public static String hashOf(StoredEvent event) {
        String stored = event.metaData().get(HASH);
        return stored != null ? stored : hashOf(event, GENESIS);
    }

    /** Whether the event was stored with its place in a chain. */
    public static boolean chained(StoredEvent event) {
        return event.metaData().containsKey(HASH);
    }
}

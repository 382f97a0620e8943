package se.nduh.command.view;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The commands being handled, each by the tick during which it began, so that a head of the event store read at a tick
 * is known to be behind every view write once each command begun by then has ended. Every event is stored by a
 * command, after the command began; its views are written in the command's own unit of work, before it ends.
 */
final class CommandsInFlight {

    private final Map<Object, Long> running = new ConcurrentHashMap<>();
    /** The heads read at ticks not passed yet: the tick they were read in, and the head. */
    private final Deque<long[]> heads = new ArrayDeque<>();
    private volatile long tick;

    void began(Object command) {
        running.put(command, tick);
    }

    void ended(Object command) {
        running.remove(command);
    }

    /**
     * Takes the head of the store read just now, and answers the latest head read so far that every command which could
     * have stored an event at or below it has ended since. A command registered after the head was read stores above
     * it, whichever tick it took.
     */
    synchronized OptionalLong tick(long head) {
        heads.addLast(new long[] {tick, head});
        tick++;
        long oldestRunning = running.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
        OptionalLong passed = OptionalLong.empty();
        while (!heads.isEmpty() && heads.peekFirst()[0] < oldestRunning) {
            passed = OptionalLong.of(heads.removeFirst()[1]);
        }
        return passed;
    }
}

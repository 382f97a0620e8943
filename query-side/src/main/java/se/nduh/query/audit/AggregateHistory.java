package se.nduh.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** The events of one aggregate as stored, oldest first, and the ones up to a point of its history. */
record AggregateHistory(List<Recorded> events) {

    AggregateHistory {
        events = List.copyOf(events);
    }

    /**
     * One stored event: its version (the aggregate's sequence number), its time, the event and its metadata. The
     * metadata is read when first asked for: a replay needs the events, only a timeline who acted.
     */
    record Recorded(String aggregateType, String aggregateId, long version, Instant at, Object event, Supplier<Map<String, ?>> metaDataOf) {

        static Recorded of(DomainEventMessage<?> message) {
            return new Recorded(message.getType(), message.getAggregateIdentifier(), message.getSequenceNumber(),
                    message.getTimestamp(), message.getPayload(), message::getMetaData);
        }

        Map<String, ?> metaData() {
            return metaDataOf.get();
        }
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    Object firstEvent() {
        return events.get(0).event();
    }

    Recorded last() {
        return events.get(events.size() - 1);
    }

    /** The events stored at or before the instant. */
    AggregateHistory until(Instant asOf) {
        return new AggregateHistory(events.stream().filter(recorded -> !recorded.at().isAfter(asOf)).toList());
    }

    /** The events up to and including the version. */
    AggregateHistory through(long version) {
        return new AggregateHistory(events.stream().filter(recorded -> recorded.version() <= version).toList());
    }

    /** The state the events leave, starting from the first (which creates the aggregate); {@code null} when there is none. */
    <S> S fold(Function<Object, S> start, BiFunction<S, Object, S> evolve) {
        List<S> states = states(start, evolve);
        return states.isEmpty() ? null : states.get(states.size() - 1);
    }

    /** The state after each event, in the order of the events. */
    <S> List<S> states(Function<Object, S> start, BiFunction<S, Object, S> evolve) {
        List<S> states = new ArrayList<>(events.size());
        S state = null;
        for (Recorded recorded : events) {
            state = state == null ? start.apply(recorded.event()) : evolve.apply(state, recorded.event());
            states.add(state);
        }
        return states;
    }
}

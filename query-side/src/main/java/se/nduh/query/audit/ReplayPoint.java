package se.nduh.query.audit;

import se.nduh.kernel.rule.Rule;

import java.time.Instant;

/** Where in an aggregate's history a replay stops: at an instant, or at a version of the aggregate. */
record ReplayPoint(Instant asOf, Long version) {

    static ReplayPoint at(Instant asOf) {
        return new ReplayPoint(asOf, null);
    }

    static ReplayPoint atVersion(long version) {
        return new ReplayPoint(null, version);
    }

    /** The events up to this point, or {@link Rule#ReplayPointNotInHistory} if the history has no such point. */
    AggregateHistory of(AggregateHistory history) {
        if (version != null && version > history.last().version()) {
            throw Rule.ReplayPointNotInHistory.violation("version");
        }
        AggregateHistory upTo = version == null ? history.until(asOf) : history.through(version);
        if (upTo.isEmpty()) {
            throw Rule.ReplayPointNotInHistory.violation("asOf");
        }
        return upTo;
    }

    /** The instant other aggregates are replayed to beside this one: the one asked for, or that of the version's event. */
    Instant instant(AggregateHistory upTo) {
        return version == null ? asOf : upTo.last().at();
    }
}

package se.nduh.query.comparison;

/**
 * Paces a recurring piece of work whose cost grows with the data: after a round that took a while, the next may begin
 * only once a rest of {@code restPerWork} times as long has passed, so that the work takes at most
 * {@code 1 / (1 + restPerWork)} of its thread's time. Times are {@link System#nanoTime()} readings.
 */
final class RestAfterWork {

    private final int restPerWork;
    private long restUntil;

    RestAfterWork(int restPerWork, long now) {
        this.restPerWork = restPerWork;
        this.restUntil = now;
    }

    boolean mayBegin(long now) {
        return now - restUntil >= 0;
    }

    void worked(long began, long ended) {
        restUntil = ended + restPerWork * (ended - began);
    }
}

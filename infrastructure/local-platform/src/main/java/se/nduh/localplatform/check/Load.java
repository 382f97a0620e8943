package se.nduh.localplatform.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A load bounded in count and in time, from several clients, each call's latency recorded: either closed-loop
 * (each client calls again as soon as it is answered) or paced (call {@code n} starts no earlier than its slot,
 * {@code n / rate} seconds after the start, so the rate stays steady whatever the answers cost).
 */
final class Load {

    /** One call of the load; it fails by throwing, and is then counted, not timed. */
    @FunctionalInterface
    interface Call {
        void call(int number) throws Exception;
    }

    /**
     * What a load measured: the calls that succeeded per second of the whole load (the last answer included), and
     * percentiles computed exactly from every recorded latency (nearest rank), not estimated from buckets.
     */
    record Measured(int succeeded, int failed, double seconds, long[] sortedNanos, String firstFailure) {

        double perSecond() {
            return succeeded / seconds;
        }

        double millis(double percentile) {
            return Load.millis(sortedNanos, percentile);
        }
    }

    /** The percentile of sorted latencies in nanoseconds, as milliseconds: the nearest rank, exact; NaN for none. */
    static double millis(long[] sortedNanos, double percentile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100 * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }

    private Load() {
    }

    /** Calls from {@code clients} at once, each again when answered, until {@code duration} ends. */
    static Measured closedLoop(int clients, Duration duration, Call call) {
        return closedLoop(clients, duration, Integer.MAX_VALUE, call);
    }

    /**
     * The same closed loop run untimed for {@code warmUp} first, so that what is measured is not the first calls of
     * a connection pool, a cache or code not yet compiled, on either side.
     */
    static Measured warmedUp(int clients, Duration warmUp, Duration duration, Call call) {
        closedLoop(clients, warmUp, call);
        return closedLoop(clients, duration, call);
    }

    /** Calls from {@code clients} at once, each again when answered, until {@code duration} ends or {@code maxCalls} started. */
    static Measured closedLoop(int clients, Duration duration, int maxCalls, Call call) {
        return run(clients, duration, maxCalls, 0, call);
    }

    /** About {@code perSecond} calls a second for {@code duration}, from {@code clients} (enough that one slow answer does not hold up the next). */
    static Measured paced(int clients, double perSecond, Duration duration, Call call) {
        int calls = (int) Math.ceil(perSecond * duration.toNanos() / 1e9);
        return run(clients, duration.plusSeconds(1), calls, (long) (1e9 / perSecond), call);
    }

    private static Measured run(int clients, Duration duration, int maxCalls, long slotNanos, Call call) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Latencies>> running = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            running.add(pool.submit(() -> {
                Latencies latencies = new Latencies();
                int number;
                while (System.nanoTime() < deadline && (number = next.getAndIncrement()) < maxCalls) {
                    if (slotNanos > 0) {
                        waitUntil(start + number * slotNanos);
                    }
                    long sent = System.nanoTime();
                    try {
                        call.call(number);
                        latencies.add(System.nanoTime() - sent);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
                return latencies;
            }));
        }
        Latencies all = new Latencies();
        for (Future<Latencies> client : running) {
            try {
                all.addAll(client.get());
            } catch (Exception e) {
                throw new IllegalStateException("A load client failed", e);
            }
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = all.sorted();
        return new Measured(sorted.length, failed.get(), seconds, sorted, firstFailure.get());
    }

    /** One client's latencies, in nanoseconds, as they come: a growing array, so no bound on the count has to be guessed. */
    private static final class Latencies {
        private long[] nanos = new long[1024];
        private int size;

        void add(long latency) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = latency;
        }

        void addAll(Latencies other) {
            for (int i = 0; i < other.size; i++) {
                add(other.nanos[i]);
            }
        }

        long[] sorted() {
            long[] sorted = Arrays.copyOf(nanos, size);
            Arrays.sort(sorted);
            return sorted;
        }
    }

    private static void waitUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}

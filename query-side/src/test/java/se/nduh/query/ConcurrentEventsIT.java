package se.nduh.query;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;
import se.nduh.kernel.comparison.Metrics;
import se.nduh.kernel.need.Direction;
import se.nduh.kernel.need.HealthIndicator;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedGroup;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.StoredEvents;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Writers racing each other store their events out of the order of their global indexes, so a processor meets gaps
 * that later inserts fill. Thousands of events from several threads, across as many aggregates, must all reach the
 * projections, each exactly once.
 */
@PlatformIT
class ConcurrentEventsIT {

    private static final RegionCode GAVLE = RegionCode.of("vasternorrland");
    private static final int THREADS = 8;
    private static final int EVENTS_PER_THREAD = 400;

    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabase readDatabase;

    @Test
    void every_event_from_concurrent_writers_is_projected_exactly_once() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            done.add(writers.submit(() -> {
                for (int i = 0; i < EVENTS_PER_THREAD; i++) {
                    NeedId need = NeedId.random();
                    StoredEvents.append(eventStore, "Need", need.value(), 0,
                            new NeedProposed(need, GAVLE, "Behov", "", new NeedGroup("Alla", 100), Set.of(KindOfEffort.CARE),
                                    new HealthIndicator("Andel", BigDecimal.ONE, "%", Direction.LOWER_IS_BETTER, "Källa", Period.of("2025"), null), 2025), "tjansteperson", GAVLE.value());
                }
                return null;
            }));
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        writers.shutdown();
        int total = THREADS * EVENTS_PER_THREAD;

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("needs", Filters.eq("region", GAVLE.value())), count -> count >= total);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> figureItems(), items -> items >= total);

        assertThat(count("needs", Filters.eq("region", GAVLE.value()))).isEqualTo(total);
        assertThat(figureItems()).as("each need counted once in the region's figure").isEqualTo(total);
    }

    private long count(String collection, org.bson.conversions.Bson filter) {
        return Mono.from(readDatabase.getCollection(collection).countDocuments(filter)).block();
    }

    private int figureItems() {
        return Mono.from(readDatabase.getCollection("comparison_figures")
                        .find(Filters.eq("_id", GAVLE.value() + "|" + Metrics.NEEDS_DESCRIBED.code() + "|2025")).first())
                .map(figure -> org.bson.Document.parse(figure.getString("record")).getInteger("itemCount", 0))
                .defaultIfEmpty(0)
                .block();
    }
}

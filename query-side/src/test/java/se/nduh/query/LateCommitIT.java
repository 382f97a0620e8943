package se.nduh.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.StorageStrategy;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.mongo.MongoProperties;
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
import se.nduh.query.readmodel.ReadModelUpdates;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A commit can land in the event store well after its events were stamped (a slow insert, a paused command side),
 * when the processors have already handled later events. It must still reach the read models, once.
 */
@PlatformIT
class LateCommitIT {

    private static final RegionCode JAMTLAND = RegionCode.of("jamtland-harjedalen");

    @Autowired
    EventStore eventStore;
    @Autowired
    StorageStrategy storage;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    MongoClient mongo;
    @Autowired
    MongoProperties mongoProperties;
    @Autowired
    MongoDatabase readDatabase;
    @Autowired
    ReadModelUpdates updates;

    @Test
    void an_event_whose_insert_lands_after_later_events_were_projected_reaches_the_read_model_once() throws Exception {
        NeedId late = NeedId.random();
        NeedId later = NeedId.random();
        NeedId last = NeedId.random();
        AtomicInteger deliveries = new AtomicInteger();
        Disposable counting = updates.ofRegion(JAMTLAND.value())
                .filter(update -> update.readModel().equals("needs") && update.id().equals(late.value()))
                .subscribe(update -> deliveries.incrementAndGet());

        // Another command side stores the late need, stamped five seconds ago (five times the old look-back); its
        // insert stalls on the way to the store until the processors have handled a need stored after it.
        CountDownLatch inserting = new CountDownLatch(1);
        CountDownLatch land = new CountDownLatch(1);
        var stamped = new GenericDomainEventMessage<>("Need", late.value(), 0, proposed(late),
                Map.of("userId", "u-test", "role", "tjansteperson", "region", JAMTLAND.value()), UUID.randomUUID().toString(),
                Instant.now().minusSeconds(5));
        CompletableFuture<Void> slowCommit = CompletableFuture.runAsync(() ->
                storage.appendEvents(stalled(events(), inserting, land), List.of(stamped), eventSerializer));
        assertThat(inserting.await(10, TimeUnit.SECONDS)).isTrue();

        append(later);
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(later));
        land.countDown();
        slowCommit.get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30)).until(() -> stored(late));
        append(last);
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(last));
        counting.dispose();
        assertThat(deliveries).as("handled once, with needs stored after it handled both before and after it landed").hasValue(1);
        assertThat(events().countDocuments(Filters.eq("aggregateIdentifier", late.value()))).isEqualTo(1);
    }

    private void append(NeedId need) {
        StoredEvents.append(eventStore, "Need", need.value(), 0, proposed(need), "tjansteperson", JAMTLAND.value());
    }

    private static NeedProposed proposed(NeedId need) {
        return new NeedProposed(need, JAMTLAND, "Behov", "", new NeedGroup("Alla", 100), Set.of(KindOfEffort.CARE),
                new HealthIndicator("Andel", BigDecimal.ONE, "%", Direction.LOWER_IS_BETTER, "Källa", Period.of("2025"), null), 2025);
    }

    private boolean stored(NeedId need) {
        return Mono.from(readDatabase.getCollection("needs").countDocuments(Filters.eq("_id", need.value()))).block() == 1;
    }

    private MongoCollection<Document> events() {
        return mongo.getDatabase(mongoProperties.eventsDatabase()).getCollection("domainevents");
    }

    /** The events collection as a slow writer has it: an insert says it has begun, then waits to be let through. */
    @SuppressWarnings("unchecked")
    private static MongoCollection<Document> stalled(MongoCollection<Document> events, CountDownLatch inserting, CountDownLatch land) {
        return (MongoCollection<Document>) Proxy.newProxyInstance(LateCommitIT.class.getClassLoader(),
                new Class<?>[] {MongoCollection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("insertMany")) {
                        inserting.countDown();
                        land.await();
                    }
                    try {
                        return method.invoke(events, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

package se.nduh.query;

import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.nduh.kernel.need.EvidenceAttached;
import se.nduh.kernel.need.EvidenceId;
import se.nduh.kernel.need.EvidenceKind;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedGroup;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.need.NeedWithdrawn;
import se.nduh.kernel.region.RegionCode;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.StoredEvents;
import se.nduh.query.readmodel.ReadModelStore;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A projection that fails on one event dead-letters it, with the reason, and goes on; operators see and retry it. */
@PlatformIT
class DeadLetterIT {

    private static final RegionCode HALLAND = RegionCode.of("halland");

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabase readDatabase;

    @Test
    void an_event_the_projection_fails_on_is_dead_lettered_with_its_reason_while_the_rest_go_on() {
        NeedId poisoned = NeedId.random();
        NeedId healthy = NeedId.random();
        // A region-less need (say, from a faulty import) makes the registry's handler fail, and the comparison
        // publisher's, which parks it as well rather than skip its facts for good.
        publish(poisoned, 0, new NeedProposed(poisoned, null, "Trasigt", "", new NeedGroup("Grupp", 1),
                Set.of(KindOfEffort.CARE), null, 2025));
        publish(healthy, 0, new NeedProposed(healthy, HALLAND, "Helt", "", new NeedGroup("Grupp", 1),
                Set.of(KindOfEffort.CARE), null, 2025));
        // A later event of the parked need waits behind it, in order, though the registry could handle it alone.
        publish(poisoned, 1, new NeedWithdrawn(poisoned, HALLAND, "Dubblett"));

        await().atMost(Duration.ofSeconds(60)).until(() -> needs().stream().anyMatch(need -> need.getString("_id").equals(healthy.value())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> new Api(web).get("/api/v1/admin/dead-letters", "drift-1")
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.aggregateId == '" + poisoned + "' && @.readModel == 'needs')].eventType")
                        .isEqualTo(List.of("NeedProposed", "NeedWithdrawn"))
                .jsonPath("$[?(@.aggregateId == '" + poisoned + "' && @.eventType == 'NeedProposed')].readModel")
                        .isEqualTo(List.of("comparison-publisher", "needs"))
                .jsonPath("$[?(@.aggregateId == '" + poisoned + "')].cause").value(causes ->
                        assertThat(causes.toString()).contains("NullPointerException")));

        new Api(web).call(HttpMethod.POST, "/api/v1/admin/dead-letters/needs/retry", "drift-1", "{}")
                .expectStatus().isOk().expectBody().jsonPath("$.succeeded").isEqualTo(0);
        new Api(web).get("/api/v1/admin/dead-letters", "drift-1").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.aggregateId == '" + poisoned + "')]").exists();
    }

    /**
     * The registry's writes of a batch go to the store together; when they fail, the batch is handled again with each
     * write sent at once, so the event whose write the store refuses is parked and the batch's other events are stored.
     */
    @Test
    void a_write_the_store_refuses_parks_its_own_event_and_the_rest_of_its_batch_is_stored() {
        NeedId damaged = NeedId.random();
        NeedId healthy = NeedId.random();
        // A registry document damaged by hand: its evidence is no list, so adding evidence to it is refused by the store.
        Mono.from(readDatabase.getCollection("needs").insertOne(new Document("_id", damaged.value()).append("region", HALLAND.value())
                .append("evidence", "skadad").append(ReadModelStore.VERSION, 0L))).block();
        publish(damaged, 0, new NeedProposed(damaged, HALLAND, "Skadad", "", new NeedGroup("Grupp", 1), Set.of(KindOfEffort.CARE), null, 2025));
        publish(damaged, 1, new EvidenceAttached(damaged, HALLAND, EvidenceId.of("e-1"), EvidenceKind.EPIDEMIOLOGY, "Register", "", 3, 2));
        publish(healthy, 0, new NeedProposed(healthy, HALLAND, "Frisk", "", new NeedGroup("Grupp", 1), Set.of(KindOfEffort.CARE), null, 2025));
        publish(healthy, 1, new EvidenceAttached(healthy, HALLAND, EvidenceId.of("e-2"), EvidenceKind.EPIDEMIOLOGY, "Register", "", 3, 2));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(needs()).filteredOn(need -> need.getString("_id")
                .equals(healthy.value())).singleElement().satisfies(need -> assertThat(need.getList("evidence", Document.class)).hasSize(1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> new Api(web).get("/api/v1/admin/dead-letters", "drift-1")
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.aggregateId == '" + damaged + "' && @.readModel == 'needs')].eventType")
                        .isEqualTo(List.of("EvidenceAttached")));

        // Once an operator has mended the document, retrying the letter stores its write, and the letter is gone.
        Mono.from(readDatabase.getCollection("needs").updateOne(new Document("_id", damaged.value()),
                new Document("$set", new Document("evidence", List.of())))).block();
        new Api(web).call(HttpMethod.POST, "/api/v1/admin/dead-letters/needs/retry", "drift-1", "{}")
                .expectStatus().isOk().expectBody().jsonPath("$.succeeded").isEqualTo(1);
        assertThat(needs()).filteredOn(need -> need.getString("_id").equals(damaged.value())).singleElement()
                .satisfies(need -> assertThat(need.getList("evidence", Document.class)).hasSize(1));
        new Api(web).get("/api/v1/admin/dead-letters", "drift-1").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.aggregateId == '" + damaged + "' && @.readModel == 'needs')]").doesNotExist();
    }

    private void publish(NeedId need, long sequence, Object event) {
        StoredEvents.append(eventStore, "Need", need.value(), sequence, event, "tjansteperson", HALLAND.value());
    }

    private List<Document> needs() {
        return Flux.from(readDatabase.getCollection("needs").find().sort(Sorts.ascending("_id"))).collectList().block();
    }
}

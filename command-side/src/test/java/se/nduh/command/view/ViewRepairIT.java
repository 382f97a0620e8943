package se.nduh.command.view;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.infrastructure.mongo.MongoProperties;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the command's own thread could not write to a view, or a crash kept it from writing, is written from the event
 * store; and a view's document never goes back to an earlier event of its aggregate, whichever writer comes last.
 */
@PlatformIT
@TestPropertySource(properties = "nduh.test.context=ViewRepairIT")
class ViewRepairIT {

    private static final String NEEDS = "/api/v1/regions/vastmanland/needs";
    private static final String CIVIL_SERVANT = "vastmanland-tjansteperson";
    private static final String NEED = """
            {"title": "Uppföljning av vyerna", "needGroup": {"description": "Invånare", "size": 100}, "kindsOfEffort": ["PREVENTIVE"],
             "indicator": {"name": "Andel", "currentValue": 10, "unit": "%", "direction": "LOWER_IS_BETTER", "source": "test", "period": "2025"}}""";
    private static final String ASSESSMENT = """
            {"careNeed": true, "justification": "Stor skillnad mellan grupper", "severity": "HIGH", "benefit": "MODERATE",
             "costEffectiveness": "HIGH", "evidenceCertainty": "MODERATE", "peopleAffected": 1200}""";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    WebTestClient web;
    @Autowired
    MongoClient mongo;
    @Autowired
    MongoProperties properties;
    @Autowired
    EventStorageEngine events;
    @Autowired
    List<ViewRepair.Repaired> views;

    @Test
    void an_assessment_the_view_refused_is_written_once_the_view_takes_writes_again() {
        // Another assessment of that severity already holds a unique key: the view refuses this one's write.
        collection("need_standings").createIndex(Indexes.ascending("severity"), new IndexOptions().unique(true).sparse(true).name("refusing"));
        collection("need_standings").insertOne(new Document("_id", "refusing").append("severity", "HIGH"));
        try {
            String id = propose();
            new Api(web).call(HttpMethod.PUT, NEEDS + "/" + id + "/assessment", CIVIL_SERVANT, ASSESSMENT).expectStatus().isOk();
            assertThat(standing(id)).containsEntry("assessed", false);

            collection("need_standings").deleteOne(Filters.eq("_id", "refusing"));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(standing(id)).containsEntry("assessed", true)
                    .containsEntry("careNeed", true).containsEntry("severity", "HIGH").containsEntry("_version", 1L));
        } finally {
            collection("need_standings").dropIndex("refusing");
        }
    }

    @Test
    void on_start_the_events_after_the_index_the_views_had_reached_are_handed_to_them_again() {
        String id = propose();
        new Api(web).call(HttpMethod.POST, NEEDS + "/" + id + "/withdrawal", CIVIL_SERVANT, "{\"reason\": \"Dubblett\"}").expectStatus().isOk();
        long proposedAt = globalIndexOf(id, 0);
        long withdrawnAt = globalIndexOf(id, 1);
        await().atMost(PATIENCE).until(() -> reachedIndex() >= withdrawnAt);

        // A crash between the events and their views: the writes are gone, and the index cannot have passed them.
        collection("need_standings").deleteOne(Filters.eq("_id", id));
        collection("view_repairs").replaceOne(Filters.eq("_id", "reached"), new Document("_id", "reached").append("globalIndex", proposedAt - 1),
                new ReplaceOptions().upsert(true));
        new ViewRepair(events, mongo, properties, views).check();

        assertThat(standing(id)).containsEntry("region", "vastmanland").containsEntry("withdrawn", true).containsEntry("_version", 1L);
    }

    @Test
    void a_document_takes_an_event_only_when_it_is_later_than_the_one_it_holds() {
        CommandSideView view = new CommandSideView(mongo, properties, "view_repair_test");
        collection("view_repair_test").insertOne(new Document("_id", "kept-before-versions").append("decided", false));

        view.set("kept-before-versions", 3, Updates.set("decided", true));
        view.set("round", 5, Updates.set("decided", true));
        view.set("round", 3, Updates.set("decided", false));
        view.set("round", 5, Updates.set("decided", false));

        assertThat(collection("view_repair_test").find(Filters.eq("_id", "kept-before-versions")).first())
                .containsEntry("decided", true).containsEntry("_version", 3L);
        assertThat(collection("view_repair_test").find(Filters.eq("_id", "round")).first())
                .containsEntry("decided", true).containsEntry("_version", 5L);
        view.set("round", 6, Updates.set("decided", false));
        assertThat(collection("view_repair_test").find(Filters.eq("_id", "round")).first())
                .containsEntry("decided", false).containsEntry("_version", 6L);
    }

    private String propose() {
        return (String) new Api(web).call(HttpMethod.POST, NEEDS, CIVIL_SERVANT, NEED)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private Document standing(String need) {
        return collection("need_standings").find(Filters.eq("_id", need)).first();
    }

    private long globalIndexOf(String aggregate, long sequenceNumber) {
        return collection("domainevents").find(Filters.and(Filters.eq("aggregateIdentifier", aggregate),
                Filters.eq("sequenceNumber", sequenceNumber))).first().getLong("globalIndex");
    }

    private long reachedIndex() {
        Document reached = collection("view_repairs").find(Filters.eq("_id", "reached")).first();
        return reached == null ? -1 : reached.getLong("globalIndex");
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getDatabase(properties.eventsDatabase()).getCollection(name);
    }
}

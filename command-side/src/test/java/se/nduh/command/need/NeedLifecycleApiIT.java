package se.nduh.command.need;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.infrastructure.mongo.MongoProperties;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A need's whole life through the command API, as the region's civil servants and officials use it. */
@PlatformIT
class NeedLifecycleApiIT {

    private static final String CIVIL_SERVANT = "ostergotland-tjansteperson";
    private static final String OFFICIAL = "ostergotland-fortroendevald";
    private static final String BASE = "/api/v1/regions/ostergotland/needs";

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoClient mongo;
    @Autowired
    MongoProperties mongoProperties;

    @Test
    void a_need_is_targeted_documented_assessed_revised_and_withdrawn() {
        String id = (String) call(HttpMethod.POST, BASE, CIVIL_SERVANT, ProposeNeedApiIT.VALID)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String need = BASE + "/" + id;

        call(HttpMethod.PUT, need + "/health-target", OFFICIAL, "{\"target\": 12, \"targetYear\": 2030}")
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        call(HttpMethod.PUT, need + "/health-target", OFFICIAL, "{\"target\": 25, \"targetYear\": 2030}")
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("TargetLeavesNoGap").jsonPath("$.field").isEqualTo("target");
        call(HttpMethod.PUT, need + "/health-target", CIVIL_SERVANT, "{\"target\": 10, \"targetYear\": 2030}")
                .expectStatus().isForbidden();

        String evidence = (String) call(HttpMethod.POST, need + "/evidence", CIVIL_SERVANT, """
                {"kind": "SELF_REPORTED", "source": "Hälsa på lika villkor 2024", "dataQuality": 4, "politicalWeight": 3}""")
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        call(HttpMethod.POST, need + "/evidence", CIVIL_SERVANT, """
                {"kind": "GUESSWORK", "source": "x", "dataQuality": 9, "politicalWeight": 3}""")
                .expectStatus().isBadRequest();
        call(HttpMethod.POST, need + "/evidence/" + evidence + "/withdrawal", CIVIL_SERVANT, "{\"reason\": \"Ersatt\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(3);

        call(HttpMethod.PUT, need + "/assessment", CIVIL_SERVANT, """
                {"careNeed": true, "justification": "Tidiga insatser i elevhälsan", "severity": "HIGH",
                 "benefit": "MODERATE", "costEffectiveness": "HIGH", "evidenceCertainty": "MODERATE", "peopleAffected": 12000}""")
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(4);

        call(HttpMethod.POST, need + "/revisions", CIVIL_SERVANT,
                "{\"need\": " + ProposeNeedApiIT.VALID + ", \"change\": \"Ny källa\", \"reason\": \"Ny mätning\", \"expectedVersion\": 2}")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.field").isEqualTo("expectedVersion");
        call(HttpMethod.POST, need + "/revisions", CIVIL_SERVANT,
                "{\"need\": " + ProposeNeedApiIT.VALID + ", \"change\": \"Ny källa\", \"reason\": \"Ny mätning\", \"expectedVersion\": 4}")
                .expectStatus().isOk();

        call(HttpMethod.POST, need + "/withdrawal", CIVIL_SERVANT, "{\"reason\": \"Ingår i ett bredare behov\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(6);
        call(HttpMethod.PUT, need + "/assessment", CIVIL_SERVANT, """
                {"careNeed": false, "justification": "x", "severity": "LOW", "benefit": "LOW",
                 "costEffectiveness": "LOW", "evidenceCertainty": "LOW", "peopleAffected": 1}""")
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("NeedIsWithdrawn");

        assertThat(eventStore.readEvents(id).asStream().map(event -> event.getPayloadType().getSimpleName()))
                .containsExactly("NeedProposed", "HealthTargetSet", "EvidenceAttached", "EvidenceWithdrawn",
                        "NeedAssessed", "NeedRevised", "NeedWithdrawn");
    }

    @Test
    void a_need_is_broken_down_by_education_and_its_target_aims_at_the_gap_while_bad_breakdowns_store_nothing() {
        String id = (String) call(HttpMethod.POST, BASE, CIVIL_SERVANT, ProposeNeedApiIT.VALID)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String need = BASE + "/" + id;

        call(HttpMethod.PUT, need + "/health-target", OFFICIAL, "{\"target\": 12, \"targetYear\": 2030, \"targetGroupGap\": 5}")
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("GroupGapTargetWithoutBreakdown").jsonPath("$.field").isEqualTo("targetGroupGap");
        call(HttpMethod.PUT, need + "/inequity", CIVIL_SERVANT, """
                {"dimension": "EDUCATION", "groups": [{"label": "Förgymnasial utbildning", "value": 24.0, "count": 2100}]}""")
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("InequityGroupsOutOfRange").jsonPath("$.field").isEqualTo("groups");
        call(HttpMethod.PUT, need + "/inequity", CIVIL_SERVANT, """
                {"dimension": "EDUCATION", "groups": [{"label": "Förgymnasial utbildning", "value": 24.0, "count": 2100},
                 {"label": "Eftergymnasial utbildning", "value": 1e400, "count": -3}]}""")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == 'groups[1].value')].rule").isEqualTo("Measure")
                .jsonPath("$.errors[?(@.field == 'groups[1].count')].rule").isEqualTo("Headcount");
        call(HttpMethod.PUT, need + "/inequity", CIVIL_SERVANT, """
                {"dimension": "WEALTH", "groups": []}""")
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        call(HttpMethod.PUT, need + "/inequity", OFFICIAL, """
                {"dimension": "SEX", "groups": [{"label": "Flickor", "value": 17, "count": 6000}, {"label": "Pojkar", "value": 20, "count": 6000}]}""")
                .expectStatus().isForbidden();
        assertThat(eventStore.readEvents(id).asStream().count()).as("every refusal stored nothing").isEqualTo(1);

        String breakdown = """
                {"dimension": "EDUCATION", "groups": [{"label": "Förgymnasial utbildning", "value": 24.0, "count": 2100},
                 {"label": "Gymnasial utbildning", "value": 17.5, "count": 5600}, {"label": "Eftergymnasial utbildning", "value": 11.0, "count": 4300}]}""";
        call(HttpMethod.PUT, need + "/inequity", CIVIL_SERVANT, breakdown)
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        call(HttpMethod.PUT, need + "/health-target", OFFICIAL, "{\"target\": 12, \"targetYear\": 2030, \"targetGroupGap\": 13}")
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.rule").isEqualTo("GroupGapTargetLeavesNoGap");
        call(HttpMethod.PUT, need + "/health-target", OFFICIAL, "{\"target\": 12, \"targetYear\": 2030, \"targetGroupGap\": 6.5}")
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);

        assertThat(eventStore.readEvents(id).asStream().map(event -> event.getPayloadType().getSimpleName()))
                .containsExactly("NeedProposed", "HealthInequityDescribed", "HealthTargetSet");
    }

    @Test
    void of_eight_users_revising_the_same_version_at_once_one_wins_and_the_others_get_409() throws Exception {
        String id = (String) call(HttpMethod.POST, BASE, CIVIL_SERVANT, ProposeNeedApiIT.VALID)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String revision = "{\"need\": " + ProposeNeedApiIT.VALID + ", \"change\": \"Ny källa\", \"reason\": \"Ny mätning\", \"expectedVersion\": 0}";
        ExecutorService users = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int user = 0; user < 8; user++) {
                answers.add(users.submit(() -> call(HttpMethod.POST, BASE + "/" + id + "/revisions", CIVIL_SERVANT, revision)
                        .returnResult(String.class).getStatus().value()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(200, 409).filteredOn(status -> status == 200).hasSize(1);
        } finally {
            users.shutdownNow();
        }
        assertThat(eventStore.readEvents(id).asStream().count()).as("proposed and revised once: no lost update").isEqualTo(2);
    }

    @Test
    void a_need_of_another_region_is_not_found_through_this_regions_path() {
        String id = (String) call(HttpMethod.POST, BASE, CIVIL_SERVANT, ProposeNeedApiIT.VALID)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        call(HttpMethod.POST, "/api/v1/regions/skane/needs/" + id + "/withdrawal", "skane-tjansteperson", "{\"reason\": \"x\"}")
                .expectStatus().isNotFound().expectBody().jsonPath("$.rule").isEqualTo("NeedNotInRegion");
        assertThat(eventStore.readEvents(id).asStream().count()).isEqualTo(1);
    }

    @Test
    void an_unknown_need_is_a_404_problem() {
        call(HttpMethod.POST, BASE + "/no-such-need/withdrawal", CIVIL_SERVANT, "{\"reason\": \"x\"}")
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_need_with_a_long_history_is_loaded_from_its_snapshot_and_still_knows_its_first_evidence() {
        String id = (String) call(HttpMethod.POST, BASE, CIVIL_SERVANT, ProposeNeedApiIT.VALID)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String need = BASE + "/" + id;
        List<String> evidence = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            evidence.add((String) call(HttpMethod.POST, need + "/evidence", CIVIL_SERVANT,
                    "{\"kind\": \"EPIDEMIOLOGY\", \"source\": \"Register " + i + "\", \"dataQuality\": 3, \"politicalWeight\": 2}")
                    .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
        }
        assertThat(mongo.getDatabase(mongoProperties.eventsDatabase()).getCollection("snapshotevents")
                .countDocuments(Filters.eq("aggregateIdentifier", id))).as("a snapshot after a hundred events").isEqualTo(1);

        call(HttpMethod.POST, need + "/evidence/" + evidence.get(0) + "/withdrawal", CIVIL_SERVANT, "{\"reason\": \"Ersatt\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(121);
        call(HttpMethod.POST, need + "/evidence/" + evidence.get(0) + "/withdrawal", CIVIL_SERVANT, "{\"reason\": \"Igen\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(121);
        call(HttpMethod.POST, need + "/evidence/e-never-attached/withdrawal", CIVIL_SERVANT, "{\"reason\": \"Igen\"}")
                .expectStatus().isNotFound().expectBody().jsonPath("$.rule").isEqualTo("UnknownEvidence");
    }

    private WebTestClient.ResponseSpec call(HttpMethod method, String path, String user, String body) {
        return new Api(web).call(method, path, user, body);
    }
}

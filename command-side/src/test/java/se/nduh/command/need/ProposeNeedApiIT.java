package se.nduh.command.need;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.infrastructure.security.UserDirectory;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.TestUsers;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIT
class ProposeNeedApiIT {

    static final String VALID = """
            {"title": "Fetma bland barn", "needGroup": {"description": "Barn 6-12 år", "size": 12000},
             "kindsOfEffort": ["PREVENTIVE"],
             "indicator": {"name": "Andel barn med fetma", "currentValue": 18.5, "unit": "%",
                           "direction": "LOWER_IS_BETTER", "source": "Elevhälsan", "period": "2025"}}""";

    static final String CIVIL_SERVANT = "vasterbotten-tjansteperson";

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;

    @Test
    void proposing_a_need_stores_need_proposed_naming_the_acting_user_and_answers_201_with_its_location() {
        Map<?, ?> body = web.post().uri("/api/v1/regions/vasterbotten/needs")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(CIVIL_SERVANT)).contentType(MediaType.APPLICATION_JSON).bodyValue(VALID)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).contains("/api/v1/regions/vasterbotten/needs/"))
                .expectBody(Map.class).returnResult().getResponseBody();

        String id = (String) body.get("id");
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id).asStream().toList();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getPayloadType().getSimpleName()).isEqualTo("NeedProposed");
            assertThat(event.getMetaData()).containsKeys("correlationId", "causationId")
                    .containsEntry("userId", new UserDirectory(TestUsers.file()).byUsername(CIVIL_SERVANT).orElseThrow().userId())
                    .containsEntry("role", "tjansteperson")
                    .containsEntry("region", "vasterbotten");
            assertThat(event.getMetaData().values()).noneMatch(value -> String.valueOf(value).contains("vasterbotten-tjansteperson"));
        });
    }

    @Test
    void the_same_request_twice_with_one_idempotency_key_is_stored_once_and_answered_alike() {
        String first = proposeWithKey("key-1", VALID).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        String second = proposeWithKey("key-1", VALID).expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).endsWith(first))
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        assertThat(second).isEqualTo(first);
        assertThat(eventStore.readEvents(first).asStream().count()).isEqualTo(1);

        web.post().uri("/api/v1/regions/vasterbotten/needs/" + first + "/withdrawal")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(CIVIL_SERVANT)).header("Idempotency-Key", "key-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\": \"x\"}")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void the_same_idempotency_key_with_another_body_is_refused_and_the_first_answer_stays() {
        String first = proposeWithKey("key-4", VALID).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        proposeWithKey("key-4", VALID.replace("Fetma bland barn", "Övervikt bland barn"))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        proposeWithKey("key-4", VALID).expectStatus().isCreated()
                .expectBody().jsonPath("$.id").isEqualTo(first);
    }

    @Test
    void a_refused_command_releases_its_idempotency_key() {
        String need = proposeWithKey("key-2", VALID).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        setTarget(need, "key-3", "25").expectStatus().isEqualTo(422);
        setTarget(need, "key-3", "12").expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        setTarget(need, "key-3", "12").expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
    }

    private WebTestClient.ResponseSpec setTarget(String need, String key, String target) {
        return web.put().uri("/api/v1/regions/vasterbotten/needs/" + need + "/health-target")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("vasterbotten-fortroendevald")).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"target\": " + target + ", \"targetYear\": 2030}")
                .exchange();
    }

    private WebTestClient.ResponseSpec proposeWithKey(String key, String body) {
        return web.post().uri("/api/v1/regions/vasterbotten/needs")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(CIVIL_SERVANT)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    @Test
    void a_missing_field_is_a_400_problem_naming_the_field_and_nothing_is_stored() {
        web.post().uri("/api/v1/regions/vasterbotten/needs")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(CIVIL_SERVANT)).contentType(MediaType.APPLICATION_JSON).bodyValue(VALID.replace("\"title\": \"Fetma bland barn\",", ""))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("title")
                .jsonPath("$.errors[0].rule").isEqualTo("NotBlank");
    }

    @Test
    void a_value_of_the_wrong_type_is_a_400_problem_naming_the_field() {
        web.post().uri("/api/v1/regions/vasterbotten/needs")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(CIVIL_SERVANT)).contentType(MediaType.APPLICATION_JSON).bodyValue(VALID.replace("LOWER_IS_BETTER", "SIDEWAYS"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("indicator.direction");
    }

    @Test
    void malformed_json_is_a_400_problem() {
        web.post().uri("/api/v1/regions/vasterbotten/needs")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(CIVIL_SERVANT)).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void an_unknown_region_is_a_404_problem() {
        web.post().uri("/api/v1/regions/atlantis/needs")
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(CIVIL_SERVANT)).contentType(MediaType.APPLICATION_JSON).bodyValue(VALID)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("UnknownRegion");
    }

    @Test
    void the_regions_are_listed_with_code_and_swedish_name() {
        web.get().uri("/api/v1/regions").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(13)
                .jsonPath("$[?(@.code == 'jamtland-harjedalen')].name").isEqualTo("Region Jämtland Härjedalen");
    }
}

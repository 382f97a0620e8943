package se.nduh.command.access;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-written checks, independent of the access table, so the table cannot be wrong in both places. */
@PlatformIT
class AccessSpotChecksIT {

    static final String NEED = """
            {"title": "Psykisk ohälsa bland unga", "needGroup": {"description": "Unga 13-25 år", "size": 40000},
             "kindsOfEffort": ["HEALTH_PROMOTING"],
             "indicator": {"name": "Andel med nedsatt psykiskt välbefinnande", "currentValue": 21, "unit": "%",
                           "direction": "LOWER_IS_BETTER", "source": "Hälsa på lika villkor", "period": "2024"}}""";

    @Autowired
    WebTestClient web;
    @Autowired
    MongoClient mongo;
    @Value("${nduh.mongodb.events-database}")
    String eventsDatabase;

    @Test
    void a_civil_servant_of_halland_proposes_a_need_in_halland() {
        propose("halland", TestUsers.basic("halland-tjansteperson")).expectStatus().isCreated();
    }

    @Test
    void a_civil_servant_of_halland_gets_403_naming_skane_and_nothing_is_stored() {
        long before = storedEvents();
        propose("skane", TestUsers.basic("halland-tjansteperson"))
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.region").isEqualTo("skane");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void an_elected_official_does_not_propose_needs_and_is_told_which_role_does() {
        propose("halland", TestUsers.basic("halland-fortroendevald"))
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.requiredRoles[0]").isEqualTo("tjansteperson");
    }

    @Test
    void auditors_providers_and_coordinators_change_nothing() {
        for (String user : new String[] {"halland-revisor", "halland-utforare", "samordnare-1"}) {
            propose("halland", TestUsers.basic(user)).expectStatus().isForbidden();
        }
    }

    @Test
    void nobody_signed_in_gets_401_with_a_basic_challenge() {
        web.post().uri("/api/v1/regions/halland/needs").contentType(MediaType.APPLICATION_JSON).bodyValue(NEED)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge).startsWith("Basic"));
    }

    @Test
    void a_wrong_password_gets_401() {
        propose("halland", TestUsers.basic("halland-tjansteperson", "not-the-password")).expectStatus().isUnauthorized();
    }

    @Test
    void repeated_failures_lock_the_username_out_even_for_the_right_password() {
        for (int i = 0; i < 5; i++) {
            propose("blekinge", TestUsers.basic("blekinge-tjansteperson", "guess-" + i)).expectStatus().isUnauthorized();
        }
        propose("blekinge", TestUsers.basic("blekinge-tjansteperson"))
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);
    }

    @Test
    void health_and_the_region_list_are_public() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
        web.get().uri("/api/v1/regions").exchange().expectStatus().isOk();
    }

    @Test
    void the_openapi_description_lists_the_endpoints_and_the_rule_codes() {
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/regions/{region}/priority-rounds/{id}/ranking'].put").exists()
                .jsonPath("$.x-rule-codes[?(@.code == 'SeverityDeviationWithoutRationale')]").exists()
                .jsonPath("$.paths['/api/v1/regions/{region}/commissions/{id}/dialogue-answer'].post").exists()
                .jsonPath("$.components.schemas.DialogueAnswerRequest.description").isNotEmpty()
                .jsonPath("$.x-rule-codes[?(@.code == 'DraftDialogueAwaitsAnswer')]").exists();
        web.get().uri("/api/v1/rules").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.code == 'RankingOmitsAssessedNeed')].kind").isEqualTo("INVALID");
    }

    @Test
    void an_endpoint_without_a_row_is_refused() {
        web.get().uri("/api/v1/regions/halland/secrets").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("halland-revisor"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void me_names_the_user_by_id_with_a_display_name_from_the_directory() {
        web.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("halland-fortroendevald"))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.userId").value(id -> assertThat((String) id).startsWith("u-"))
                .jsonPath("$.displayName").isEqualTo("Förtroendevald i Region Halland")
                .jsonPath("$.grants[0].role").isEqualTo("fortroendevald");
    }

    private WebTestClient.ResponseSpec propose(String region, String authorization) {
        return web.post().uri("/api/v1/regions/{region}/needs", region)
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(NEED)
                .exchange();
    }

    private long storedEvents() {
        return mongo.getDatabase(eventsDatabase).getCollection("domainevents").countDocuments();
    }
}

package se.nduh.command.experience;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.kernel.experience.ExperienceReleased;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shared experience through the command API: shared by a civil servant and released by the elected officials;
 * every rule answered as a problem naming its code and field. Curation is the network's ({@code BestPracticeApiIT}).
 */
@PlatformIT
class ExperienceApiIT {

    private static final String CIVIL_SERVANT = "halland-tjansteperson";
    private static final String OFFICIAL = "halland-fortroendevald";
    private static final String OTHER_OFFICIAL = "skane-fortroendevald";
        private static final String EXPERIENCES = "/api/v1/regions/halland/experiences";
    private static final String SHARE = """
            {"title": "Uppföljning i dialog med utföraren", "area": "FOLLOW_UP",
             "summary": "Kvartalsvisa dialoger om indikatorerna gav en gemensam lägesbild.",
             "kindsOfEffort": ["TREATMENT", "REHABILITATION"],
             "contactRole": "Strateg, hälso- och sjukvårdsförvaltningen"}""";

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;

    @Test
    void shared_then_released_by_the_regions_elected_officials() {
        String id = share(CIVIL_SERVANT, SHARE);

        api().call(HttpMethod.POST, EXPERIENCES + "/" + id + "/release", CIVIL_SERVANT, "{}").expectStatus().isForbidden();
        api().call(HttpMethod.POST, "/api/v1/regions/skane/experiences/" + id + "/release", OTHER_OFFICIAL, "{}")
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.rule").isEqualTo("ExperienceNotInRegion");
        api().call(HttpMethod.POST, EXPERIENCES + "/" + id + "/release", OTHER_OFFICIAL, "{}").expectStatus().isForbidden();

        api().call(HttpMethod.POST, EXPERIENCES + "/" + id + "/release", OFFICIAL, "{\"releasedOn\": \"2026-03-12\"}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.version").isEqualTo(1);
        api().call(HttpMethod.POST, EXPERIENCES + "/" + id + "/release", OFFICIAL, "{}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id).asStream().toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(1).getPayload()).isInstanceOfSatisfying(ExperienceReleased.class, released -> {
            assertThat(released.region().value()).isEqualTo("halland");
            assertThat(released.releasedOn()).isEqualTo(LocalDate.of(2026, 3, 12));
            assertThat(released.contactRole()).isEqualTo("Strateg, hälso- och sjukvårdsförvaltningen");
        });
    }

    @Test
    void an_elected_official_may_share_too() {
        share(OFFICIAL, SHARE);
    }

    @Test
    void a_contact_with_an_email_address_is_a_422_problem_naming_the_field_and_nothing_is_stored() {
        api().call(HttpMethod.POST, EXPERIENCES, CIVIL_SERVANT,
                        SHARE.replace("Strateg, hälso- och sjukvårdsförvaltningen", "Anna, anna.andersson@regionhalland.se"))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("ContactIsAPerson")
                .jsonPath("$.field").isEqualTo("contactRole");
        api().call(HttpMethod.POST, EXPERIENCES, CIVIL_SERVANT,
                        SHARE.replace("Strateg, hälso- och sjukvårdsförvaltningen", "Kontakt 19800101-1234"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("ContactIsAPerson");
    }

    @Test
    void a_link_to_a_commission_the_region_does_not_have_is_a_422_problem() {
        api().call(HttpMethod.POST, EXPERIENCES, CIVIL_SERVANT, SHARE.replace("\"area\"", "\"linkedCommissionId\": \"no-such\", \"area\""))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("LinkedCommissionNotInRegion")
                .jsonPath("$.field").isEqualTo("linkedCommissionId");
    }

    @Test
    void a_missing_or_unknown_area_is_a_400_problem_naming_the_field() {
        api().call(HttpMethod.POST, EXPERIENCES, CIVIL_SERVANT, SHARE.replace("\"area\": \"FOLLOW_UP\",", ""))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("area");
        api().call(HttpMethod.POST, EXPERIENCES, CIVIL_SERVANT, SHARE.replace("FOLLOW_UP", "GOSSIP"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("area");
    }

    @Test
    void the_openapi_description_names_the_endpoints_and_the_rules() {
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(description -> assertThat(description)
                        .contains("/api/v1/regions/{region}/experiences", "/api/v1/regions/{region}/experiences/{id}/release",
                                "ContactIsAPerson", "ExperienceNotInRegion"));
    }

    private String share(String user, String body) {
        Map<?, ?> answer = api().call(HttpMethod.POST, EXPERIENCES, user, body)
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).contains(EXPERIENCES + "/"))
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) answer.get("id");
    }

    private Api api() {
        return new Api(web);
    }
}

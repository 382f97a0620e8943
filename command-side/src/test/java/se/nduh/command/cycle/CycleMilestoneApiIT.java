package se.nduh.command.cycle;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/** The region records the wheel's steps held outside the platform; refusals name the field and store nothing. */
@PlatformIT
class CycleMilestoneApiIT {

    private static final String PATH = "/api/v1/regions/varmland/arshjul/2026/milestones";
    private static final String WHEEL = "cycle-varmland-2026";

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;

    @Test
    void the_council_decision_is_recorded_once_and_dialogues_as_often_as_they_are_held() {
        Api api = new Api(web);
        api.call(HttpMethod.POST, PATH, "varmland-fortroendevald",
                        "{\"milestone\": \"PLAN_AND_BUDGET_DECIDED\", \"heldOn\": \"2025-11-26\", \"reference\": \"RF 2025 §140\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(0);
        api.call(HttpMethod.POST, PATH, "varmland-tjansteperson",
                        "{\"milestone\": \"CONSEQUENCE_DIALOGUE\", \"heldOn\": \"2026-02-10\", \"reference\": \"Dialog med närsjukvården\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        api.call(HttpMethod.POST, PATH, "varmland-fortroendevald",
                        "{\"milestone\": \"PLAN_AND_BUDGET_DECIDED\", \"heldOn\": \"2025-11-27\", \"reference\": \"RF 2025 §141\"}")
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("MilestoneAlreadyRecorded").jsonPath("$.field").isEqualTo("milestone");
        api.call(HttpMethod.POST, PATH, "varmland-tjansteperson",
                        "{\"milestone\": \"ANNUAL_REPORT\", \"heldOn\": \"2030-04-20\", \"reference\": \"RF 2030 §3\"}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("MilestoneOutsideTheWheel").jsonPath("$.field").isEqualTo("heldOn");
        api.call(HttpMethod.POST, PATH, "varmland-tjansteperson", "{\"milestone\": \"HARVEST\", \"heldOn\": \"2026-02-10\", \"reference\": \"x\"}")
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.call(HttpMethod.POST, PATH, "varmland-tjansteperson",
                        "{\"milestone\": \"NEEDS_DIALOGUE\", \"heldOn\": \"2025-09-01\", \"reference\": \"" + "x".repeat(201) + "\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reference");
        api.call(HttpMethod.POST, "/api/v1/regions/varmland/arshjul/1999/milestones", "varmland-tjansteperson",
                        "{\"milestone\": \"NEEDS_DIALOGUE\", \"heldOn\": \"1998-09-01\", \"reference\": \"x\"}")
                .expectStatus().isBadRequest();
        api.call(HttpMethod.POST, PATH, "varmland-utforare",
                        "{\"milestone\": \"NEEDS_DIALOGUE\", \"heldOn\": \"2025-09-01\", \"reference\": \"x\"}")
                .expectStatus().isForbidden();

        assertThat(eventStore.readEvents(WHEEL).asStream().map(event -> event.getPayloadType().getSimpleName()))
                .containsExactly("CycleMilestoneRecorded", "CycleMilestoneRecorded");
    }
}

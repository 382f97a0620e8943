package se.nduh.query;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.kernel.cycle.CycleMilestone;
import se.nduh.kernel.cycle.CycleMilestoneRecorded;
import se.nduh.kernel.cycle.RecordCycleMilestone;
import se.nduh.kernel.need.Direction;
import se.nduh.kernel.need.HealthIndicator;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedGroup;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.priority.EthicalPrinciple;
import se.nduh.kernel.priority.PrioritiesDecided;
import se.nduh.kernel.priority.PrioritiesRanked;
import se.nduh.kernel.priority.PriorityRoundId;
import se.nduh.kernel.priority.PriorityRoundOpened;
import se.nduh.kernel.priority.RankedNeed;
import se.nduh.kernel.priority.RankingCriterion;
import se.nduh.kernel.region.RegionCode;
import se.nduh.localplatform.testing.Api;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.StoredEvents;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The annual wheel says which steps of a budget year are done, and which are overdue. */
@PlatformIT
class ArshjulIT {

    private static final RegionCode JAMTLAND = RegionCode.of("jamtland-harjedalen");

    @Autowired
    WebTestClient web;
    @Autowired
    EventStore eventStore;

    @Test
    void a_decided_round_counts_and_what_was_never_done_in_a_past_year_is_overdue() {
        PriorityRoundId round = PriorityRoundId.of(JAMTLAND, 2020);
        List<Object> events = List.of(new PriorityRoundOpened(round, JAMTLAND, 2020),
                new PrioritiesRanked(round, JAMTLAND, 1, List.of(new RankedNeed(NeedId.of("n-1"), 1, "Störst behov",
                        Set.of(EthicalPrinciple.NEED_SOLIDARITY), Set.of(RankingCriterion.SEVERITY), null))),
                new PrioritiesDecided(round, JAMTLAND, 1, "Regionfullmäktige", LocalDate.of(2019, 11, 20), "RF §3", List.of(), List.of()));
        for (int i = 0; i < events.size(); i++) {
            StoredEvents.append(eventStore, "PriorityRound", round.value(), i, events.get(i), "fortroendevald", JAMTLAND.value());
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> new Api(web)
                .get("/api/v1/regions/jamtland-harjedalen/arshjul?budgetYear=2020", "jamtland-harjedalen-fortroendevald")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.budgetYear").isEqualTo(2020)
                .jsonPath("$.steps[?(@.step == 'PRIORITIES_DECIDED')].doneOn").isEqualTo(List.of("2019-11-20"))
                .jsonPath("$.steps[?(@.step == 'PRIORITIES_DECIDED')].overdue").isEqualTo(List.of(false))
                .jsonPath("$.steps[?(@.step == 'COMMISSIONS_ISSUED')].overdue").isEqualTo(List.of(true))
                .jsonPath("$.overdue").value(overdue -> assertThat(overdue).asString()
                        .contains("Behov beskrivna", "Uppdrag utfärdade", "Uppföljning kvartal 4")
                        .doesNotContain("Prioriteringar beslutade")));
        new Api(web).get("/api/v1/regions/jamtland-harjedalen/arshjul", "samordnare-1").expectStatus().isForbidden();
    }

    @Test
    void needs_count_as_described_for_the_budget_year_they_are_described_for_only() {
        NeedId need = NeedId.random();
        StoredEvents.append(eventStore, "Need", need.value(), 0, new NeedProposed(need, JAMTLAND, "Ensamhet bland äldre", "",
                new NeedGroup("80+", 900), Set.of(KindOfEffort.PREVENTIVE), new HealthIndicator("Andel ensamma", new BigDecimal("23"), "%",
                        Direction.LOWER_IS_BETTER, "Enkät", Period.of("2022"), null), 2023), "tjansteperson", JAMTLAND.value());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> wheel(2023)
                .jsonPath("$.steps[?(@.step == 'NEEDS_DESCRIBED')].done").isEqualTo(List.of(true)));
        wheel(2022).jsonPath("$.steps[?(@.step == 'NEEDS_DESCRIBED')].done").isEqualTo(List.of(false));
    }

    @Test
    void the_steps_held_outside_the_platform_count_from_the_date_they_were_held() {
        String wheel = RecordCycleMilestone.aggregateIdOf(JAMTLAND, 2021);
        StoredEvents.append(eventStore, "BudgetYearCycle", wheel, 0, new CycleMilestoneRecorded(JAMTLAND, 2021,
                CycleMilestone.PLAN_AND_BUDGET_DECIDED, LocalDate.of(2020, 11, 24), "RF 2020 §88"), "fortroendevald", JAMTLAND.value());
        StoredEvents.append(eventStore, "BudgetYearCycle", wheel, 1, new CycleMilestoneRecorded(JAMTLAND, 2021,
                CycleMilestone.CONSEQUENCE_DIALOGUE, LocalDate.of(2021, 3, 15), "Dialog med patientföreningarna"), "tjansteperson", JAMTLAND.value());
        StoredEvents.append(eventStore, "BudgetYearCycle", wheel, 2, new CycleMilestoneRecorded(JAMTLAND, 2021,
                CycleMilestone.CONSEQUENCE_DIALOGUE, LocalDate.of(2021, 2, 1), "Dialog med primärvården"), "tjansteperson", JAMTLAND.value());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> wheel(2021)
                .jsonPath("$.held.length()").isEqualTo(3)
                .jsonPath("$.held[0].reference").isEqualTo("RF 2020 §88")
                .jsonPath("$.held[1].reference").isEqualTo("Dialog med primärvården")
                .jsonPath("$.steps[?(@.step == 'PLAN_AND_BUDGET_DECIDED')].doneOn").isEqualTo(List.of("2020-11-24"))
                .jsonPath("$.steps[?(@.step == 'CONSEQUENCE_DIALOGUE')].doneOn").isEqualTo(List.of("2021-02-01"))
                .jsonPath("$.steps[?(@.step == 'CONSEQUENCE_DIALOGUE')].overdue").isEqualTo(List.of(false))
                .jsonPath("$.steps[?(@.step == 'NEEDS_DIALOGUE')].overdue").isEqualTo(List.of(true))
                .jsonPath("$.steps[?(@.step == 'ANNUAL_REPORT')].due").isEqualTo(List.of("2022-04-30"))
                .jsonPath("$.overdue").value(overdue -> assertThat(overdue).asString()
                        .contains("Dialog om utvalda behov", "Årsredovisning")
                        .doesNotContain("Fullmäktiges beslut", "konsekvenser")));
        wheel(2022).jsonPath("$.held").isEmpty()
                .jsonPath("$.steps[?(@.step == 'PLAN_AND_BUDGET_DECIDED')].done").isEqualTo(List.of(false));
    }

    private WebTestClient.BodyContentSpec wheel(int budgetYear) {
        return new Api(web).get("/api/v1/regions/jamtland-harjedalen/arshjul?budgetYear=" + budgetYear, "jamtland-harjedalen-tjansteperson")
                .expectStatus().isOk().expectBody();
    }
}

package se.nduh.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import se.nduh.command.testing.RegionPublisher;
import se.nduh.infrastructure.kafka.KafkaProperties;
import se.nduh.infrastructure.kafka.RegionPublicKeys;
import se.nduh.localplatform.demo.DemoData;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.TestUsers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo year goes in through the command API, for all thirteen regions, and only once. */
// The demo opens every region's rounds: it needs stores no other test has written to.
@PlatformIT
@TestPropertySource(properties = "nduh.test.context=DemoDataIT")
@DirtiesContext
class DemoDataIT {

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongo;
    @Value("${nduh.mongodb.events-database}")
    String eventsDatabase;
    @Autowired
    EventStore eventStore;
    @Autowired
    KafkaProperties kafka;
    @Autowired
    ObjectMapper json;
    @Autowired
    RegionPublicKeys keys;
    @Value("${nduh.anonymisation.keys-file}")
    Path keysFile;

    @Test
    void every_region_gets_three_years_of_needs_rounds_commissions_and_outcomes_and_a_second_load_adds_nothing(@TempDir Path data)
            throws Exception {
        Files.copy(TestUsers.file().resolveSibling("demo-users.csv"), data.resolve("demo-users.csv"));
        // Curation is the network's: it curates what the regions' query sides publish of their releases.
        try (RegionPublisher regions = new RegionPublisher(eventStore, kafka, json, keys, keysFile).following()) {
            DemoData.main(new String[] {"http://localhost:" + port, data.toString()});
        }

        var events = mongo.getDatabase(eventsDatabase).getCollection("domainevents");
        long stored = events.countDocuments();
        List<String> types = events.distinct("payloadType", String.class).into(new java.util.ArrayList<>());
        assertThat(types).extracting(type -> type.substring(type.lastIndexOf('.') + 1))
                .contains("NeedProposed", "HealthTargetSet", "EvidenceAttached", "NeedAssessed", "PriorityRoundOpened",
                        "PrioritiesRanked", "PrioritiesDecided", "CommissionDrafted", "CommissionDraftSentForDialogue",
                        "CommissionDraftDialogueAnswered", "CommissionDraftRevised", "CommissionIssued",
                        "CommissionAccepted", "OutcomeRecorded", "NeedRevised", "NeedWithdrawn", "ExperienceShared",
                        "ExperienceReleased", "BestPracticeCurated", "ComparisonNamingDecided", "CommissionDraftDialogueWithdrawn",
                        "CommissionPlanRevisionProposed", "CommissionPlanRevisionDeclined", "CommissionPlanRevisionAgreed",
                        "CycleMilestoneRecorded");
        assertThat(events.distinct("aggregateIdentifier", String.class).into(new java.util.ArrayList<>()))
                .as("a decided round for each region and each of three budget years")
                .filteredOn(id -> id.matches("[a-z-]+-\\d{4}") && !id.startsWith("cycle-") && !id.startsWith("closed-position-"))
                .hasSize(3 * 13);
        assertThat(events.countDocuments(com.mongodb.client.model.Filters.regex("payloadType", "CycleMilestoneRecorded$")))
                .as("each region's wheels record the council's decision of each year, dialogues and annual reports up to today")
                .isGreaterThanOrEqualTo(3 * 13 + 2 * 13);
        assertThat(events.distinct("aggregateIdentifier", com.mongodb.client.model.Filters.and(
                        com.mongodb.client.model.Filters.regex("payloadType", "OutcomeRecorded$"),
                        com.mongodb.client.model.Filters.regex("serializedPayload", "\"group\":\"")), String.class)
                .into(new java.util.ArrayList<>()))
                .as("commissions in several regions follow their effect up per group of the population too").hasSizeGreaterThanOrEqualTo(3);
        assertThat(events.countDocuments(com.mongodb.client.model.Filters.regex("payloadType", "ComparisonNamingDecided$")))
                .as("a few regions opt in to be named").isBetween(2L, 3L);
        assertThat(events.countDocuments(com.mongodb.client.model.Filters.regex("payloadType", "CommissionDraftDialogueAnswered$")))
                .as("two rounds of dialogue on the first commission of each year in four regions").isEqualTo(2 * 3 * 4);
        assertThat(events.countDocuments(com.mongodb.client.model.Filters.and(
                        com.mongodb.client.model.Filters.regex("payloadType", "CommissionDrafted$"),
                        com.mongodb.client.model.Filters.regex("serializedPayload", "\"scope\":\"JOINT\""))))
                .as("joint commissions in a few regions").isPositive();
        assertThat(events.countDocuments(com.mongodb.client.model.Filters.regex("payloadType", "CommissionPlanRevisionAgreed$")))
                .as("the plan of one commission revised in four regions").isEqualTo(4);
        assertThat(events.countDocuments(com.mongodb.client.model.Filters.regex("payloadType", "CommissionDraftDialogueWithdrawn$")))
                .as("a round withdrawn unanswered on the first commission of each year in two regions").isEqualTo(3 * 2);
        assertThat(events.countDocuments(com.mongodb.client.model.Filters.regex("payloadType", "ExperienceReleased$")))
                .as("a dozen released experiences").isEqualTo(12);
        List<String> breakdownRegions = events.find(com.mongodb.client.model.Filters.regex("payloadType", "HealthInequityDescribed$"))
                .map(event -> event.getString("serializedPayload").replaceAll("(?s).*\"region\":\"([a-z-]+)\".*", "$1"))
                .into(new java.util.ArrayList<>());
        assertThat(breakdownRegions.stream().distinct().count()).as("equity breakdowns in several regions").isGreaterThanOrEqualTo(5);
        assertThat(events.countDocuments(com.mongodb.client.model.Filters.and(
                        com.mongodb.client.model.Filters.regex("payloadType", "HealthTargetSet$"),
                        com.mongodb.client.model.Filters.regex("serializedPayload", "\"targetGroupGap\":\\d"))))
                .as("targets aimed at the gap between groups").isPositive();

        Files.delete(data.resolve("demo-data.loaded"));
        DemoData.main(new String[] {"http://localhost:" + port, data.toString()});
        assertThat(events.countDocuments()).as("idempotency keys make a repeated load store nothing").isEqualTo(stored);
    }
}

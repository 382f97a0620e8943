package se.nduh.kernel.commission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.priority.PriorityRoundId;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commission's messages as the event store and the API hold them: the JSON below is what revision 1 of
 * these events has always been, with the ids and the provider as plain strings; the typed ids keep it so
 * ({@code @JsonValue}, {@code @JsonCreator}), and the stored events read back without an upcaster. Terms stored
 * before the collaboration was recorded read as the region's own organisation's.
 */
class StoredCommissionJsonTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final GoalId GOAL = GoalId.of("g-complications");
    private static final FollowUpIndicatorId INDICATOR = FollowUpIndicatorId.of("i-complications");

    private static final String DRAFTED = """
            {"commissionId":"commission-diabetes","region":"sormland","terms":{"roundId":"sormland-2026",\
            "needIds":["need-diabetes"],"provider":"Närsjukvården Sörmland","description":"Strukturerad diabetesvård",\
            "kindsOfEffort":["TREATMENT"],"goals":[{"goalId":"g-complications","indicator":"Andel med diabeteskomplikationer",\
            "baseline":20,"target":10,"targetDate":"2028-12-31"}],"start":"2026-01-01","end":"2028-12-31",\
            "followUpPlan":[{"indicatorId":"i-complications","name":"Andel med diabeteskomplikationer","level":"EFFECT",\
            "perspective":"POPULATION","frequency":"YEAR","goalId":"g-complications","catalogueCode":null}],\
            "payment":{"kind":"ACTIVE","amountSek":5000000,"linkedShare":0.2,"linkedGoalIds":["g-complications"]},\
            "goalsBeyondHealthCare":["g-complications"]},"warnings":["GOAL_BEYOND_HEALTH_CARE"]}""";

    /** A joint commission's terms end with the principals it is shared with. */
    private static final String JOINT_COLLABORATION = """
            "goalsBeyondHealthCare":["g-complications"],"collaboration":{"scope":"JOINT","principals":[\
            {"kind":"MUNICIPALITY","name":"Eskilstuna kommun","region":null},{"kind":"REGION","name":null,"region":"orebro"}]}}""";

    private static final String ANSWERED = """
            {"commissionId":"commission-diabetes","region":"sormland","round":1,"draftVersion":1,"comments":"Snäv tidsplan",\
            "proposedChanges":[{"term":"GOAL","goalId":"g-complications","proposal":"Målvärde 12 %"}]}""";

    private static final String RECORDED = """
            {"commissionId":"commission-diabetes","region":"sormland","outcomeId":"o-2","indicatorId":"i-complications",\
            "period":"2026","value":15,"source":"NDR","supersedes":"o-1","goalId":"g-complications","goalFulfilment":0.5}""";

    private static final String RECORD = """
            {"commissionId":"commission-diabetes","region":"sormland","outcomeId":"o-2","indicatorId":"i-complications",\
            "period":"2026","value":15,"source":"NDR","group":null,"actingProvider":"Närsjukvården Sörmland","expectedVersion":3}""";

    private static final String CLOSED = """
            {"commissionId":"commission-diabetes","region":"sormland","evaluation":"PARTLY_ACHIEVED","why":"Halva vägen",\
            "findings":{"successFactors":["Diabetessjuksköterskor"],"obstacles":["Journalsystemen"],\
            "lessons":["Följ upp effekten"]}}""";

    private static final String ACCEPT = """
            {"commissionId":"commission-diabetes","region":"sormland","actingProvider":"Närsjukvården Sörmland",\
            "expectedVersion":2}""";

    @Test
    void a_commission_drafted_before_collaboration_was_recorded_reads_as_one_within_the_own_organisation()
            throws JsonProcessingException {
        CommissionDrafted stored = JSON.readValue(DRAFTED, CommissionDrafted.class);

        assertThat(stored).isEqualTo(drafted(null));
        assertThat(stored.terms().collaboration()).isEqualTo(Collaboration.OWN_ORGANISATION);
    }

    @Test
    void a_joint_commission_is_stored_with_the_principals_it_is_shared_with() throws JsonProcessingException {
        assertRoundTrip(drafted(new Collaboration(Collaboration.Scope.JOINT, List.of(
                        new Principal(Principal.Kind.MUNICIPALITY, "Eskilstuna kommun", null),
                        new Principal(Principal.Kind.REGION, null, RegionCode.of("orebro"))))),
                DRAFTED.replace("\"goalsBeyondHealthCare\":[\"g-complications\"]}", JOINT_COLLABORATION));
    }

    @Test
    void a_dialogue_answer_is_stored_with_the_round_and_draft_version_it_answered() throws JsonProcessingException {
        assertRoundTrip(new CommissionDraftDialogueAnswered(CommissionId.of("commission-diabetes"), RegionCode.of("sormland"), 1, 1,
                "Snäv tidsplan", List.of(new ProposedChange(ProposedChange.Term.GOAL, GOAL, "Målvärde 12 %"))), ANSWERED);
    }

    @Test
    void an_outcome_stored_before_plans_were_revised_reads_as_recorded_under_the_plan_as_accepted() throws JsonProcessingException {
        OutcomeRecorded stored = JSON.readValue(RECORDED, OutcomeRecorded.class);

        assertThat(stored).isEqualTo(recorded(1));
        assertThat(stored.planVersion()).isEqualTo(1);
    }

    @Test
    void a_recorded_outcome_is_stored_as_it_always_was_with_the_plan_version_it_was_recorded_under() throws JsonProcessingException {
        assertRoundTrip(recorded(2), RECORDED.replace("}", ",\"planVersion\":2,\"group\":null}"));
    }

    @Test
    void an_outcome_stored_before_groups_were_followed_up_is_the_whole_populations_and_a_groups_names_it() throws JsonProcessingException {
        assertThat(JSON.readValue(RECORDED, OutcomeRecorded.class).group()).isNull();
        OutcomeRecorded ofAGroup = new OutcomeRecorded(CommissionId.of("commission-diabetes"), RegionCode.of("sormland"),
                OutcomeId.of("o-3"), INDICATOR, Period.of("2026"), new BigDecimal("22"), "NDR", null, null, null, 1,
                "Förgymnasial utbildning");
        assertRoundTrip(ofAGroup, """
                {"commissionId":"commission-diabetes","region":"sormland","outcomeId":"o-3","indicatorId":"i-complications",\
                "period":"2026","value":22,"source":"NDR","supersedes":null,"goalId":null,"goalFulfilment":null,"planVersion":1,\
                "group":"Förgymnasial utbildning"}""");
    }

    @Test
    void a_plan_revision_is_stored_with_the_proposing_users_id_and_side_never_a_name() throws JsonProcessingException {
        CommissionPlanRevisionProposed proposed = new CommissionPlanRevisionProposed(CommissionId.of("commission-diabetes"),
                RegionCode.of("sormland"), 1, RevisedPlan.of(drafted(null).terms()), Set.of(), "Målet nåddes tidigt",
                "sormland-utforare", PlanParty.PROVIDER);
        String json = JSON.writeValueAsString(proposed);

        assertThat(JSON.readValue(json, CommissionPlanRevisionProposed.class)).isEqualTo(proposed);
        assertThat(json).contains("\"proposedBy\":\"sormland-utforare\",\"party\":\"PROVIDER\"");
        assertRoundTrip(new CommissionPlanRevisionDeclined(CommissionId.of("commission-diabetes"), RegionCode.of("sormland"), 1,
                "Målen står kvar", "sormland-fortroendevald"), """
                {"commissionId":"commission-diabetes","region":"sormland","revision":1,"reason":"Målen står kvar",\
                "declinedBy":"sormland-fortroendevald"}""");
    }

    @Test
    void a_withdrawn_dialogue_round_is_stored_with_its_round_draft_version_and_reason() throws JsonProcessingException {
        assertRoundTrip(new CommissionDraftDialogueWithdrawn(CommissionId.of("commission-diabetes"), RegionCode.of("sormland"), 2, 3,
                "Fel version skickades", "sormland-tjansteperson"), """
                {"commissionId":"commission-diabetes","region":"sormland","round":2,"draftVersion":3,\
                "reason":"Fel version skickades","withdrawnBy":"sormland-tjansteperson"}""");
    }

    @Test
    void the_provider_commands_carry_the_provider_as_before() throws JsonProcessingException {
        assertRoundTrip(record(), RECORD);
        assertRoundTrip(accept(), ACCEPT);
    }

    @Test
    void a_closed_commission_is_stored_with_its_findings() throws JsonProcessingException {
        assertRoundTrip(new CommissionClosed(CommissionId.of("commission-diabetes"), RegionCode.of("sormland"),
                Evaluation.PARTLY_ACHIEVED, "Halva vägen", new EvaluationFindings(List.of("Diabetessjuksköterskor"),
                        List.of("Journalsystemen"), List.of("Följ upp effekten"))), CLOSED);
    }

    private static void assertRoundTrip(Object message, String storedJson) throws JsonProcessingException {
        assertThat(JSON.writeValueAsString(message)).isEqualTo(storedJson);
        assertThat(JSON.readValue(storedJson, message.getClass())).isEqualTo(message);
    }

    private static CommissionDrafted drafted(Collaboration collaboration) {
        CommissionTerms terms = new CommissionTerms(PriorityRoundId.of("sormland-2026"), Set.of(NeedId.of("need-diabetes")),
                Provider.of("Närsjukvården Sörmland"), "Strukturerad diabetesvård", Set.of(KindOfEffort.TREATMENT),
                List.of(new Goal(GOAL, "Andel med diabeteskomplikationer", new BigDecimal("20"),
                        new BigDecimal("10"), LocalDate.of(2028, 12, 31))),
                LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31),
                List.of(new FollowUpIndicator(INDICATOR, "Andel med diabeteskomplikationer", FollowUpLevel.EFFECT,
                        Perspective.POPULATION, Frequency.YEAR, GOAL, null)),
                new PaymentModel(PaymentModel.Kind.ACTIVE, new BigDecimal("5000000"), new BigDecimal("0.2"),
                        Set.of(GOAL)),
                Set.of(GOAL), collaboration);
        return new CommissionDrafted(CommissionId.of("commission-diabetes"), RegionCode.of("sormland"), terms,
                Set.of(CommissionWarning.GOAL_BEYOND_HEALTH_CARE));
    }

    private static OutcomeRecorded recorded(int planVersion) {
        return new OutcomeRecorded(CommissionId.of("commission-diabetes"), RegionCode.of("sormland"), OutcomeId.of("o-2"),
                INDICATOR, Period.of("2026"), new BigDecimal("15"), "NDR", OutcomeId.of("o-1"), GOAL,
                new BigDecimal("0.5"), planVersion);
    }

    private static RecordOutcome record() {
        return new RecordOutcome(CommissionId.of("commission-diabetes"), RegionCode.of("sormland"), OutcomeId.of("o-2"),
                INDICATOR, Period.of("2026"), new BigDecimal("15"), "NDR", null, Provider.of("Närsjukvården Sörmland"), 3L);
    }

    private static AcceptCommission accept() {
        return new AcceptCommission(CommissionId.of("commission-diabetes"), RegionCode.of("sormland"),
                Provider.of("Närsjukvården Sörmland"), 2L);
    }
}

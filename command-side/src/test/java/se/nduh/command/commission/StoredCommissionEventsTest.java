package se.nduh.command.commission;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import se.nduh.kernel.commission.Collaboration;
import se.nduh.kernel.commission.CommissionClosed;
import se.nduh.kernel.commission.CommissionDraftRevised;
import se.nduh.kernel.commission.CommissionId;
import se.nduh.kernel.commission.Evaluation;
import se.nduh.kernel.commission.EvaluationFindings;
import se.nduh.kernel.commission.OutcomeRecorded;
import se.nduh.kernel.region.RegionCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commission events stored before a field was added are read by the event serializer (Axon's Jackson serializer
 * over Spring's mapper, as {@code axon.serializer.events: jackson} configures it) as what they meant then.
 */
class StoredCommissionEventsTest {

    private static final Serializer EVENTS = JacksonSerializer.builder()
            .objectMapper(Jackson2ObjectMapperBuilder.json().build()).build();

    private static final String CLOSED_WITHOUT_FINDINGS = """
            {"commissionId":"commission-diabetes","region":"sormland","evaluation":"NOT_ACHIEVED","why":"Kom aldrig igång"}""";

    private static final String REVISED_WITHOUT_COLLABORATION = """
            {"commissionId":"commission-diabetes","region":"sormland","terms":{"roundId":"sormland-2026",\
            "needIds":["need-diabetes"],"provider":"Närsjukvården Sörmland","description":"Strukturerad diabetesvård",\
            "kindsOfEffort":["TREATMENT"],"goals":[{"goalId":"g-1","indicator":"Andel med komplikationer",\
            "baseline":20,"target":10,"targetDate":"2028-12-31"}],"start":"2026-01-01","end":"2028-12-31",\
            "followUpPlan":[{"indicatorId":"i-1","name":"Andel med komplikationer","level":"EFFECT",\
            "perspective":"POPULATION","frequency":"YEAR","goalId":"g-1","catalogueCode":null}],\
            "payment":{"kind":"PASSIVE","amountSek":5000000,"linkedShare":null,"linkedGoalIds":[]},\
            "goalsBeyondHealthCare":[]},"warnings":[]}""";

    @Test
    void a_commission_closed_before_findings_were_kept_reads_as_one_whose_evaluation_found_none() {
        CommissionClosed closed = EVENTS.deserialize(new SimpleSerializedObject<>(CLOSED_WITHOUT_FINDINGS, String.class,
                CommissionClosed.class.getName(), "1"));

        assertThat(closed).isEqualTo(new CommissionClosed(CommissionId.of("commission-diabetes"), RegionCode.of("sormland"),
                Evaluation.NOT_ACHIEVED, "Kom aldrig igång", EvaluationFindings.NONE));
        assertThat(closed.findings().successFactors()).isEmpty();
    }

    private static final String RECORDED_BEFORE_PLAN_VERSIONS = """
            {"commissionId":"commission-diabetes","region":"sormland","outcomeId":"o-1","indicatorId":"i-1",\
            "period":"2026","value":16,"source":"NDR","supersedes":null,"goalId":"g-1","goalFulfilment":0.4}""";

    @Test
    void an_outcome_recorded_before_plans_could_be_revised_reads_as_recorded_under_plan_version_one() {
        OutcomeRecorded recorded = EVENTS.deserialize(new SimpleSerializedObject<>(RECORDED_BEFORE_PLAN_VERSIONS, String.class,
                OutcomeRecorded.class.getName(), "1"));

        assertThat(recorded.planVersion()).isEqualTo(1);
        assertThat(recorded.value()).isEqualByComparingTo("16");
    }

    @Test
    void terms_revised_before_collaboration_was_recorded_read_as_the_regions_own_organisation() {
        CommissionDraftRevised revised = EVENTS.deserialize(new SimpleSerializedObject<>(REVISED_WITHOUT_COLLABORATION, String.class,
                CommissionDraftRevised.class.getName(), "1"));

        assertThat(revised.terms().collaboration()).isEqualTo(Collaboration.OWN_ORGANISATION);
        assertThat(revised.terms().description()).isEqualTo("Strukturerad diabetesvård");
    }
}

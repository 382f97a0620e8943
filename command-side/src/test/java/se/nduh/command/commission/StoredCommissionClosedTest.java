package se.nduh.command.commission;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import se.nduh.kernel.commission.CommissionClosed;
import se.nduh.kernel.commission.CommissionId;
import se.nduh.kernel.commission.Evaluation;
import se.nduh.kernel.commission.EvaluationFindings;
import se.nduh.kernel.region.RegionCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commission closed before evaluations kept their findings is read by the event serializer (Axon's Jackson
 * serializer over Spring's mapper, as {@code axon.serializer.events: jackson} configures it) as one that found none.
 */
class StoredCommissionClosedTest {

    private static final Serializer EVENTS = JacksonSerializer.builder()
            .objectMapper(Jackson2ObjectMapperBuilder.json().build()).build();

    private static final String CLOSED_WITHOUT_FINDINGS = """
            {"commissionId":"commission-diabetes","region":"sormland","evaluation":"NOT_ACHIEVED","why":"Kom aldrig igång"}""";

    @Test
    void a_commission_closed_before_findings_were_kept_reads_as_one_whose_evaluation_found_none() {
        CommissionClosed closed = EVENTS.deserialize(new SimpleSerializedObject<>(CLOSED_WITHOUT_FINDINGS, String.class,
                CommissionClosed.class.getName(), "1"));

        assertThat(closed).isEqualTo(new CommissionClosed(CommissionId.of("commission-diabetes"), RegionCode.of("sormland"),
                Evaluation.NOT_ACHIEVED, "Kom aldrig igång", EvaluationFindings.NONE));
        assertThat(closed.findings().successFactors()).isEmpty();
    }
}

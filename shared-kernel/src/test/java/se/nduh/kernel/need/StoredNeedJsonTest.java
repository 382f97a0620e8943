package se.nduh.kernel.need;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The need's messages as the event store holds them: a target set before targets could aim at the gap between
 * groups is revision 1 without {@code targetGroupGap}, and reads back, without an upcaster, as a target that aims
 * at none; the equity breakdown is stored as categories and numbers only.
 */
class StoredNeedJsonTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final NeedId NEED = NeedId.of("need-obesity-children");
    private static final RegionCode REGION = RegionCode.of("vasterbotten");

    private static final String TARGET_SET_BEFORE_EQUITY = """
            {"needId":"need-obesity-children","region":"vasterbotten","target":12,"targetYear":2030,\
            "gap":{"absolute":6.5,"relative":0.3513513513513514}}""";

    private static final String TARGET_SET_AT_THE_GAP = """
            {"needId":"need-obesity-children","region":"vasterbotten","target":12,"targetYear":2030,\
            "gap":{"absolute":6.5,"relative":0.3513513513513514},"targetGroupGap":6.5}""";

    private static final String INEQUITY_DESCRIBED = """
            {"needId":"need-obesity-children","region":"vasterbotten","inequity":{"dimension":"EDUCATION","groups":[\
            {"label":"Förgymnasial utbildning","value":24.0,"count":2100},\
            {"label":"Eftergymnasial utbildning","value":11.0,"count":4300}],"period":"2024"}}""";

    @Test
    void a_target_stored_before_targets_aimed_at_the_gap_between_groups_reads_as_one_aiming_at_none()
            throws JsonProcessingException {
        HealthTargetSet stored = JSON.readValue(TARGET_SET_BEFORE_EQUITY, HealthTargetSet.class);

        assertThat(stored).isEqualTo(new HealthTargetSet(NEED, REGION, new BigDecimal("12"), 2030,
                new HealthGap(new BigDecimal("6.5"), new BigDecimal("0.3513513513513514"))));
        assertThat(stored.targetGroupGap()).isNull();
    }

    @Test
    void a_target_aimed_at_the_gap_between_groups_is_stored_with_it() throws JsonProcessingException {
        HealthTargetSet target = new HealthTargetSet(NEED, REGION, new BigDecimal("12"), 2030,
                new HealthGap(new BigDecimal("6.5"), new BigDecimal("0.3513513513513514")), new BigDecimal("6.5"));

        assertThat(JSON.writeValueAsString(target)).isEqualTo(TARGET_SET_AT_THE_GAP);
        assertThat(JSON.readValue(TARGET_SET_AT_THE_GAP, HealthTargetSet.class)).isEqualTo(target);
    }

    @Test
    void an_equity_breakdown_is_stored_as_categories_and_numbers() throws JsonProcessingException {
        HealthInequityDescribed described = new HealthInequityDescribed(NEED, REGION, new HealthInequity(EquityDimension.EDUCATION,
                List.of(new PopulationGroup("Förgymnasial utbildning", new BigDecimal("24.0"), 2100),
                        new PopulationGroup("Eftergymnasial utbildning", new BigDecimal("11.0"), 4300)), Period.of("2024")));

        assertThat(JSON.writeValueAsString(described)).isEqualTo(INEQUITY_DESCRIBED);
        assertThat(JSON.readValue(INEQUITY_DESCRIBED, HealthInequityDescribed.class)).isEqualTo(described);
    }
}

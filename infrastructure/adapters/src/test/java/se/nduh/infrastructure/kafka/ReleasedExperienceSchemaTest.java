package se.nduh.infrastructure.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import se.nduh.kernel.experience.ReleasedExperience;
import se.nduh.kernel.experience.StrategicArea;
import se.nduh.kernel.need.KindOfEffort;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The released experience's schema: a record as a region releases it passes; more, less or larger does not. */
class ReleasedExperienceSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ObjectNode valid() {
        return JSON.valueToTree(new ReleasedExperience(ReleasedExperience.SCHEMA_VERSION, "exp-1", "skane", "Hälsosamtal i skolan",
                StrategicArea.NEEDS, "Vad vi lärde oss", Set.of(KindOfEffort.PREVENTIVE), "Folkhälsostrateg",
                LocalDate.of(2025, 3, 1), 3));
    }

    @Test
    void a_released_experience_passes() {
        assertThat(PublishedSchema.RELEASED_EXPERIENCE.violations(valid())).isEmpty();
    }

    @Test
    void an_unknown_field_an_overlong_text_an_unknown_area_or_a_revision_past_the_bound_fails() {
        assertThat(PublishedSchema.RELEASED_EXPERIENCE.violations(valid().put("contactEmail", "anna@example.se"))).isNotEmpty();
        assertThat(PublishedSchema.RELEASED_EXPERIENCE.violations(valid().put("summary", "x".repeat(4001)))).isNotEmpty();
        assertThat(PublishedSchema.RELEASED_EXPERIENCE.violations(valid().put("area", "ELSEWHERE"))).isNotEmpty();
        assertThat(PublishedSchema.RELEASED_EXPERIENCE.violations(valid().put("revision", Long.MAX_VALUE))).isNotEmpty();
        assertThat(PublishedSchema.RELEASED_EXPERIENCE.violations(valid().put("schemaVersion", 2))).isNotEmpty();
        assertThat(PublishedSchema.RELEASED_EXPERIENCE.violations(valid().put("region", "Region Skåne"))).isNotEmpty();
    }
}

package se.nduh.localplatform.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import se.nduh.kernel.experience.ContactRole;
import se.nduh.kernel.need.Direction;
import se.nduh.kernel.need.EquityDimension;
import se.nduh.kernel.need.HealthInequity;
import se.nduh.kernel.need.PopulationGroup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's equity breakdowns keep the need's rules and their gap is the kernel's. */
class DemoEquityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void several_regions_describe_breakdowns_that_keep_the_rules_with_the_gap_the_kernel_derives() {
        List<String> describing = new ArrayList<>();
        for (var region : DemoUserGenerator.memberRegions()) {
            for (NeedTemplate template : NeedTemplate.CATALOGUE) {
                double current = (template.low() + template.high()) / 2;
                Optional<DemoEquity.Breakdown> breakdown = DemoEquity.of(region.code().value(), template, current, 0.5, JSON);
                if (breakdown.isEmpty()) {
                    continue;
                }
                describing.add(region.code().value());
                HealthInequity inequity = inequity(breakdown.get().body());
                assertThat(inequity.groups()).hasSizeBetween(HealthInequity.MIN_GROUPS, HealthInequity.MAX_GROUPS);
                assertThat(inequity.groups()).extracting(PopulationGroup::label).doesNotHaveDuplicates()
                        .noneMatch(ContactRole::looksPersonal);
                assertThat(inequity.groups()).allSatisfy(group -> assertThat(group.count()).isNotNegative());
                Direction direction = template.lowerIsBetter() ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER;
                assertThat(inequity.gap(direction).absolute().doubleValue()).isCloseTo(breakdown.get().absoluteGap(),
                        org.assertj.core.data.Offset.offset(1e-9));
                assertThat(inequity.gap(direction).worstGroup()).isEqualTo(inequity.groups().get(0).label());
            }
        }
        assertThat(describing.stream().distinct().count()).isGreaterThanOrEqualTo(5);
    }

    private static HealthInequity inequity(JsonNode body) {
        return new HealthInequity(EquityDimension.valueOf(body.get("dimension").asText()),
                StreamSupport.stream(body.get("groups").spliterator(), false)
                        .map(group -> new PopulationGroup(group.get("label").asText(), new BigDecimal(group.get("value").asText()),
                                group.get("count").asLong()))
                        .toList());
    }
}

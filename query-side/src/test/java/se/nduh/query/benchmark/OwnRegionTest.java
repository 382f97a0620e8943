package se.nduh.query.benchmark;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.infrastructure.security.Actor;
import se.nduh.infrastructure.security.Grant;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.rule.Rule;
import se.nduh.kernel.rule.RuleViolation;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whose entry a caller's benchmark marks as own: their only region, the one they name among theirs, or none. */
class OwnRegionTest {

    private static final RegionDirectory REGIONS = new RegionDirectory(new ClassPathResource("nduh/regions.csv"));

    private static Actor actor(String... grants) {
        return new Actor("user-1", List.of(grants).stream().map(Grant::parse).toList(), null);
    }

    @Test
    void a_user_of_one_region_views_as_that_region() {
        assertThat(BenchmarkController.ownRegion(actor("revisor:halland"), null, REGIONS)).isEqualTo(RegionCode.of("halland"));
        assertThat(BenchmarkController.ownRegion(actor("utforare:halland", "tjansteperson:halland"), null, REGIONS))
                .isEqualTo(RegionCode.of("halland"));
    }

    @Test
    void a_user_of_several_regions_names_one_of_them_or_sees_nothing_marked() {
        Actor both = actor("tjansteperson:halland;skane");

        assertThat(BenchmarkController.ownRegion(both, null, REGIONS)).isNull();
        assertThat(BenchmarkController.ownRegion(both, "skane", REGIONS)).isEqualTo(RegionCode.of("skane"));
    }

    @Test
    void a_coordinator_has_no_own_region_and_cannot_borrow_one() {
        Actor coordinator = actor("samordnare:*");

        assertThat(BenchmarkController.ownRegion(coordinator, null, REGIONS)).isNull();
        assertThatThrownBy(() -> BenchmarkController.ownRegion(coordinator, "halland", REGIONS))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.rule()).isEqualTo(Rule.BenchmarkRegionNotOwn);
                    assertThat(violation.field()).isEqualTo("region");
                });
    }

    @Test
    void naming_another_region_is_refused_and_an_unknown_one_is_unknown() {
        Actor halland = actor("fortroendevald:halland");

        assertThatThrownBy(() -> BenchmarkController.ownRegion(halland, "skane", REGIONS))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.rule()).isEqualTo(Rule.BenchmarkRegionNotOwn));
        assertThatThrownBy(() -> BenchmarkController.ownRegion(halland, "atlantis", REGIONS))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.rule()).isEqualTo(Rule.UnknownRegion));
    }
}

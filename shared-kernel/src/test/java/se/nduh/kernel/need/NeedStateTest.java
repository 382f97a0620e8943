package se.nduh.kernel.need;

import org.junit.jupiter.api.Test;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How each event changes a need, as both the aggregate and the audit replay see it. */
class NeedStateTest {

    private static final RegionCode HALLAND = RegionCode.of("halland");
    private static final NeedId OBESITY = NeedId.of("need-obesity");
    private static final EvidenceId SURVEY = EvidenceId.of("evidence-survey");
    private static final EvidenceId DIALOGUE = EvidenceId.of("evidence-dialogue");
    private static final HealthIndicator SHARE_2025 = new HealthIndicator("Andel barn med fetma", new BigDecimal("18.5"), "%",
            Direction.LOWER_IS_BETTER, "Elevhälsan", Period.of("2025"), null);
    private static final HealthIndicator SHARE_2026 = new HealthIndicator("Andel barn med fetma", new BigDecimal("20.0"), "%",
            Direction.LOWER_IS_BETTER, "Elevhälsan", Period.of("2026"), null);

    @Test
    void a_proposed_need_has_its_description_and_no_target_evidence_or_assessment_yet() {
        NeedState need = proposed();

        assertThat(need.title()).isEqualTo("Fetma bland barn");
        assertThat(need.indicator()).isEqualTo(SHARE_2025);
        assertThat(need.budgetYear()).isEqualTo(2026);
        assertThat(need.target()).isNull();
        assertThat(need.gap()).isNull();
        assertThat(need.evidence()).isEmpty();
        assertThat(need.assessment()).isNull();
        assertThat(need.withdrawn()).isFalse();
    }

    @Test
    void the_target_brings_its_year_and_gap_and_a_revision_replaces_indicator_and_gap_but_keeps_the_target() {
        HealthGap before = HealthGap.between(new BigDecimal("18.5"), new BigDecimal("12"), Direction.LOWER_IS_BETTER);
        HealthGap after = HealthGap.between(new BigDecimal("20.0"), new BigDecimal("12"), Direction.LOWER_IS_BETTER);

        NeedState targeted = proposed().with(new HealthTargetSet(OBESITY, HALLAND, new BigDecimal("12"), 2030, before));
        NeedState revised = targeted.with(new NeedRevised(OBESITY, HALLAND, "Fetma bland barn 6-12 år", "Ökar",
                new NeedGroup("Barn 6-12 år", 9000), Set.of(KindOfEffort.PREVENTIVE), SHARE_2026, "Ny mätning", "Ny statistik", after));

        assertThat(targeted.targetYear()).isEqualTo(2030);
        assertThat(targeted.gap()).isEqualTo(before);
        assertThat(revised.title()).isEqualTo("Fetma bland barn 6-12 år");
        assertThat(revised.indicator()).isEqualTo(SHARE_2026);
        assertThat(revised.gap()).isEqualTo(after);
        assertThat(revised.target()).isEqualByComparingTo("12");
        assertThat(targeted.indicator()).as("the earlier state is untouched").isEqualTo(SHARE_2025);
    }

    @Test
    void withdrawn_evidence_stays_in_its_place_marked_with_the_reason() {
        NeedState need = proposed()
                .with(new EvidenceAttached(OBESITY, HALLAND, SURVEY, EvidenceKind.SELF_REPORTED, "HLV", "Enkät", 4, 3))
                .with(new EvidenceAttached(OBESITY, HALLAND, DIALOGUE, EvidenceKind.DIALOGUE, "Föräldrar", "", 2, 5))
                .with(new EvidenceWithdrawn(OBESITY, HALLAND, SURVEY, "Fel år"));

        assertThat(need.evidence()).extracting(NeedState.Evidence::evidenceId).containsExactly(SURVEY, DIALOGUE);
        assertThat(need.evidence(SURVEY)).hasValueSatisfying(survey -> {
            assertThat(survey.withdrawn()).isTrue();
            assertThat(survey.withdrawalReason()).isEqualTo("Fel år");
            assertThat(survey.dataQuality()).isEqualTo(4);
        });
        assertThat(need.evidence(DIALOGUE)).hasValueSatisfying(dialogue -> {
            assertThat(dialogue.withdrawn()).isFalse();
            assertThat(dialogue.politicalWeight()).isEqualTo(5);
        });
    }

    @Test
    void a_later_assessment_replaces_the_earlier_and_a_withdrawal_marks_the_need() {
        NeedAssessment first = new NeedAssessment(true, "Påverkbart", Grade.MODERATE, Grade.HIGH, Grade.HIGH, Grade.LOW, 9000);
        NeedAssessment second = new NeedAssessment(true, "Påverkbart", Grade.VERY_HIGH, Grade.HIGH, Grade.HIGH, Grade.MODERATE, 9000);

        NeedState need = proposed().with(new NeedAssessed(OBESITY, HALLAND, first)).with(new NeedAssessed(OBESITY, HALLAND, second))
                .with(new NeedWithdrawn(OBESITY, HALLAND, "Dubblett"));

        assertThat(need.assessment()).isEqualTo(second);
        assertThat(need.withdrawn()).isTrue();
    }

    @Test
    void evolving_by_an_untyped_event_is_the_same_as_by_its_own_method_and_other_events_change_nothing() {
        HealthTargetSet target = new HealthTargetSet(OBESITY, HALLAND, new BigDecimal("12"), 2030,
                HealthGap.between(new BigDecimal("18.5"), new BigDecimal("12"), Direction.LOWER_IS_BETTER));

        assertThat(proposed().evolve(target)).isEqualTo(proposed().with(target));
        assertThat(proposed().evolve("not an event of a need")).isEqualTo(proposed());
    }

    private static NeedState proposed() {
        return NeedState.proposed(new NeedProposed(OBESITY, HALLAND, "Fetma bland barn", "Ökar", new NeedGroup("Barn", 9000),
                Set.of(KindOfEffort.PREVENTIVE), SHARE_2025, 2026));
    }
}

package se.nduh.command.experience;

import se.nduh.kernel.commission.CommissionId;
import se.nduh.kernel.experience.ExperienceId;
import se.nduh.kernel.experience.ExperienceReleased;
import se.nduh.kernel.experience.ExperienceShared;
import se.nduh.kernel.experience.ShareExperience;
import se.nduh.kernel.experience.StrategicArea;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.region.RegionCode;

import java.time.LocalDate;
import java.util.Set;

/** Named test data: Jämtland-Härjedalen's experience of commissioning with a follow-up plan. */
final class Experiences {

    static final RegionCode JAMTLAND = RegionCode.of("jamtland-harjedalen");
    static final RegionCode SKANE = RegionCode.of("skane");
    static final ExperienceId FOLLOW_UP_IN_DIALOGUE = ExperienceId.of("experience-follow-up-in-dialogue");
    static final CommissionId JAMTLAND_DIABETES_COMMISSION = CommissionId.of("commission-jamtland-diabetes");
    static final CommissionId SKANE_COMMISSION = CommissionId.of("commission-skane");
    static final String TITLE = "Uppföljning i dialog med utföraren";
    static final String SUMMARY = "Kvartalsvisa dialoger om indikatorerna gav en gemensam lägesbild.";
    static final String STRATEGIST = "Strateg, hälso- och sjukvårdsförvaltningen";
    static final LocalDate DECISION_DAY = LocalDate.of(2026, 3, 12);

    private Experiences() {
    }

    static ShareExperience share(String contactRole) {
        return new ShareExperience(FOLLOW_UP_IN_DIALOGUE, JAMTLAND, TITLE, StrategicArea.FOLLOW_UP, SUMMARY,
                Set.of(KindOfEffort.TREATMENT), contactRole, null);
    }

    static ShareExperience shareLinkedTo(CommissionId commission) {
        return new ShareExperience(FOLLOW_UP_IN_DIALOGUE, JAMTLAND, TITLE, StrategicArea.FOLLOW_UP, SUMMARY,
                Set.of(KindOfEffort.TREATMENT), STRATEGIST, commission);
    }

    static ExperienceShared shared() {
        return new ExperienceShared(FOLLOW_UP_IN_DIALOGUE, JAMTLAND, TITLE, StrategicArea.FOLLOW_UP, SUMMARY,
                Set.of(KindOfEffort.TREATMENT), STRATEGIST, null);
    }

    static ExperienceReleased released() {
        return new ExperienceReleased(FOLLOW_UP_IN_DIALOGUE, JAMTLAND, TITLE, StrategicArea.FOLLOW_UP, SUMMARY,
                Set.of(KindOfEffort.TREATMENT), STRATEGIST, DECISION_DAY);
    }
}

package se.nduh.command.need;

import se.nduh.kernel.need.AttachEvidence;
import se.nduh.kernel.need.DescribeHealthInequity;
import se.nduh.kernel.need.Direction;
import se.nduh.kernel.need.EquityDimension;
import se.nduh.kernel.need.EvidenceAttached;
import se.nduh.kernel.need.EvidenceId;
import se.nduh.kernel.need.EvidenceKind;
import se.nduh.kernel.need.Grade;
import se.nduh.kernel.need.HealthIndicator;
import se.nduh.kernel.need.HealthInequity;
import se.nduh.kernel.need.HealthInequityDescribed;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedGroup;
import se.nduh.kernel.need.NeedAssessment;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.need.PopulationGroup;
import se.nduh.kernel.need.ProposeNeed;
import se.nduh.kernel.need.SetHealthTarget;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** Named test data for needs. */
final class Needs {

    static final RegionCode VASTERBOTTEN = RegionCode.of("vasterbotten");
    static final RegionCode SKANE = RegionCode.of("skane");
    static final NeedId OBESITY_IN_CHILDREN = NeedId.of("need-obesity-children");
    static final EvidenceId LIVSVILLKOR = EvidenceId.of("evidence-livsvillkor");

    static SetHealthTarget targetOf(String value, int year) {
        return new SetHealthTarget(OBESITY_IN_CHILDREN, VASTERBOTTEN, new BigDecimal(value), year, null);
    }

    static AttachEvidence attachSelfReported(int dataQuality, int politicalWeight) {
        return new AttachEvidence(OBESITY_IN_CHILDREN, VASTERBOTTEN, LIVSVILLKOR, EvidenceKind.SELF_REPORTED,
                "Hälsa på lika villkor 2024", "Självrapporterad vikt", dataQuality, politicalWeight, null);
    }

    static EvidenceAttached selfReportedAttached() {
        return new EvidenceAttached(OBESITY_IN_CHILDREN, VASTERBOTTEN, LIVSVILLKOR, EvidenceKind.SELF_REPORTED,
                "Hälsa på lika villkor 2024", "Självrapporterad vikt", 4, 3);
    }

    static NeedAssessment anAssessedCareNeed() {
        return new NeedAssessment(true, "Hälso- och sjukvården kan påverka genom tidiga insatser",
                Grade.HIGH, Grade.MODERATE, Grade.HIGH, Grade.MODERATE, 12000);
    }

    /** Obese children by their parents' education: 24.0 %, 17.5 % and 11.0 % (lower is better). */
    static HealthInequity obesityByParentsEducation() {
        return new HealthInequity(EquityDimension.EDUCATION, List.of(
                new PopulationGroup("Förgymnasial utbildning", new BigDecimal("24.0"), 2100),
                new PopulationGroup("Gymnasial utbildning", new BigDecimal("17.5"), 5600),
                new PopulationGroup("Eftergymnasial utbildning", new BigDecimal("11.0"), 4300)));
    }

    static DescribeHealthInequity describeInequity(HealthInequity inequity) {
        return new DescribeHealthInequity(OBESITY_IN_CHILDREN, VASTERBOTTEN, inequity, null);
    }

    static HealthInequityDescribed inequityDescribed() {
        return new HealthInequityDescribed(OBESITY_IN_CHILDREN, VASTERBOTTEN, obesityByParentsEducation().inPeriod(Period.of("2025")));
    }

    static SetHealthTarget targetOf(String value, int year, String groupGap) {
        return new SetHealthTarget(OBESITY_IN_CHILDREN, VASTERBOTTEN, new BigDecimal(value), year, new BigDecimal(groupGap), null);
    }

    private Needs() {
    }

    static HealthIndicator obesityShare() {
        return new HealthIndicator("Andel barn med fetma", new BigDecimal("18.5"), "%", Direction.LOWER_IS_BETTER,
                "Elevhälsans hälsosamtal", Period.of("2025"), null);
    }

    static ProposeNeed proposeObesityInChildren() {
        return new ProposeNeed(OBESITY_IN_CHILDREN, VASTERBOTTEN, "Fetma bland barn", "Ökande andel barn med fetma",
                new NeedGroup("Barn 6-12 år", 12000), Set.of(KindOfEffort.PREVENTIVE, KindOfEffort.HEALTH_PROMOTING),
                obesityShare(), 2026);
    }

    static NeedProposed obesityInChildrenProposed() {
        ProposeNeed command = proposeObesityInChildren();
        return new NeedProposed(command.needId(), command.region(), command.title(), command.description(),
                command.needGroup(), command.kindsOfEffort(), command.indicator(), command.budgetYear());
    }
}

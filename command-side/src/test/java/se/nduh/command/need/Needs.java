package se.nduh.command.need;

import se.nduh.kernel.need.Direction;
import se.nduh.kernel.need.HealthIndicator;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedGroup;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.need.ProposeNeed;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;
import java.util.Set;

/** Named test data for needs. */
final class Needs {

    static final RegionCode VASTERBOTTEN = RegionCode.of("vasterbotten");
    static final NeedId OBESITY_IN_CHILDREN = NeedId.of("need-obesity-children");

    private Needs() {
    }

    static HealthIndicator obesityShare() {
        return new HealthIndicator("Andel barn med fetma", new BigDecimal("18.5"), "%", Direction.LOWER_IS_BETTER,
                "Elevhälsans hälsosamtal", Period.of("2025"));
    }

    static ProposeNeed proposeObesityInChildren() {
        return new ProposeNeed(OBESITY_IN_CHILDREN, VASTERBOTTEN, "Fetma bland barn", "Ökande andel barn med fetma",
                new NeedGroup("Barn 6-12 år", 12000), Set.of(KindOfEffort.PREVENTIVE, KindOfEffort.HEALTH_PROMOTING),
                obesityShare());
    }

    static NeedProposed obesityInChildrenProposed() {
        ProposeNeed command = proposeObesityInChildren();
        return new NeedProposed(command.needId(), command.region(), command.title(), command.description(),
                command.needGroup(), command.kindsOfEffort(), command.indicator());
    }
}

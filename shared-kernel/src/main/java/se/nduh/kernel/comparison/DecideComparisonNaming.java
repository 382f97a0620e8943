package se.nduh.kernel.comparison;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

import java.time.LocalDate;

/**
 * The region's elected officials decide whether its comparison records carry its code ({@code named}) or its
 * pseudonym; revocable by a later decision. The decision is the body's and its minutes', never a person's.
 */
public record DecideComparisonNaming(RegionCode region, boolean named, String decidedBy, LocalDate decisionDate,
                                     String minutesReference, Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return aggregateIdOf(region);
    }

    /** One naming decision history per region. */
    public static String aggregateIdOf(RegionCode region) {
        return "comparison-naming-" + region.value();
    }
}

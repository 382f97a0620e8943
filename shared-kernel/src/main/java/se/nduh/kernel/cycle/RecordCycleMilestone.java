package se.nduh.kernel.cycle;

import se.nduh.kernel.message.AggregateCommand;
import se.nduh.kernel.region.RegionCode;

import java.time.LocalDate;

/**
 * Records that a step of the budget year's wheel was held: on which date, and the reference that finds it (minutes'
 * paragraph, document number); a body or a group of people, never a person.
 */
public record RecordCycleMilestone(RegionCode region, int budgetYear, CycleMilestone milestone, LocalDate heldOn,
                                   String reference, Long expectedVersion) implements AggregateCommand {

    @Override
    public String targetAggregateId() {
        return aggregateIdOf(region, budgetYear);
    }

    /** One wheel per region and budget year. */
    public static String aggregateIdOf(RegionCode region, int budgetYear) {
        return "cycle-" + region.value() + "-" + budgetYear;
    }

    /**
     * The wheel of budget year Y turns from the needs described in Y-1 to the annual report in Y+1, so a step
     * is held within those three calendar years.
     */
    public boolean heldWithinTheWheel() {
        return heldOn.getYear() >= budgetYear - 1 && heldOn.getYear() <= budgetYear + 1;
    }
}

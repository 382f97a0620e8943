package se.nduh.query.arshjul;

import se.nduh.kernel.cycle.CycleMilestone;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The steps of a region's budget-year wheel held outside the platform, in the order they were recorded. */
record CycleMilestones(String region, int budgetYear, List<Held> held) {

    record Held(CycleMilestone milestone, LocalDate heldOn, String reference) {
    }

    /** When the step was first held, if it was. */
    Optional<LocalDate> firstHeld(CycleMilestone milestone) {
        return held.stream().filter(step -> step.milestone() == milestone).map(Held::heldOn).min(LocalDate::compareTo);
    }
}

package se.nduh.command.priority.api;

import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.priority.PriorityRoundId;
import se.nduh.kernel.region.RegionCode;

import java.util.Set;

/** What the commission feature may know of priority rounds, offered by the priority feature. */
public interface PriorityDecisions {

    /** The needs prioritised by the round's decision, or none when the round is not decided or not the region's. */
    Set<NeedId> prioritisedNeeds(PriorityRoundId round, RegionCode region);
}

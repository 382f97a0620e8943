package se.nduh.command.priority;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import se.nduh.command.priority.api.PriorityDecisions;
import se.nduh.command.view.CommandSideView;
import se.nduh.command.view.ViewRepair;
import se.nduh.infrastructure.mongo.MongoProperties;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.priority.PrioritiesDecided;
import se.nduh.kernel.priority.PrioritiesRanked;
import se.nduh.kernel.priority.PriorityRoundId;
import se.nduh.kernel.priority.PriorityRoundReopened;
import se.nduh.kernel.priority.RankedNeed;
import se.nduh.kernel.region.RegionCode;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The command side's view of decided rounds, for drafting commissions: the latest ranking of each round and
 * whether it stands decided. Kept by a subscribing processor in the deciding command's own thread and repaired from
 * the event store when a write fails or a crash comes in between ({@link ViewRepair}), each write guarded by the
 * round's sequence number.
 */
@Component
@ProcessingGroup(PriorityDecisionProjection.PROCESSOR)
class PriorityDecisionProjection implements PriorityDecisions, ViewRepair.Repaired {

    static final String PROCESSOR = "priority-decisions";

    private final CommandSideView decisions;

    PriorityDecisionProjection(MongoClient client, MongoProperties properties) {
        this.decisions = new CommandSideView(client, properties, "priority_decisions");
    }

    @EventHandler
    void on(PrioritiesRanked event, @SequenceNumber long version) {
        set(event.roundId(), version, Updates.combine(Updates.set("region", event.region().value()),
                Updates.set("ranked", event.ranking().stream().map(RankedNeed::needId).map(NeedId::value).toList())));
    }

    @EventHandler
    void on(PrioritiesDecided event, @SequenceNumber long version) {
        set(event.roundId(), version, Updates.set("decided", true));
    }

    @EventHandler
    void on(PriorityRoundReopened event, @SequenceNumber long version) {
        set(event.roundId(), version, Updates.set("decided", false));
    }

    @Override
    public Set<NeedId> prioritisedNeeds(PriorityRoundId round, RegionCode region) {
        Document decision = decisions.documents().find(Filters.and(Filters.eq("_id", round.value()), Filters.eq("region", region.value()),
                Filters.eq("decided", true))).first();
        List<String> ranked = decision == null ? List.of() : decision.getList("ranked", String.class, List.of());
        return ranked.stream().map(NeedId::of).collect(Collectors.toSet());
    }

    private void set(PriorityRoundId round, long version, Bson update) {
        decisions.set(round.value(), version, update);
    }
}

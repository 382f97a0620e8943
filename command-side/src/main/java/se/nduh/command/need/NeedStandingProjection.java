package se.nduh.command.need;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import se.nduh.command.need.api.NeedStanding;
import se.nduh.command.need.api.NeedStandings;
import se.nduh.command.view.CommandSideView;
import se.nduh.command.view.ViewRepair;
import se.nduh.infrastructure.mongo.MongoProperties;
import se.nduh.kernel.need.Grade;
import se.nduh.kernel.need.NeedAssessed;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.need.NeedWithdrawn;
import se.nduh.kernel.region.RegionCode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The command side's own small view of needs (region, assessed care need, severity, withdrawn), kept by a
 * subscribing processor in the same thread as the command that changed the need, so a ranking right after an
 * assessment sees it, and repaired from the event store when a write fails or a crash comes in between
 * ({@link ViewRepair}). Every write is an idempotent {@code $set} guarded by the need's sequence number.
 */
@Component
@ProcessingGroup(NeedStandingProjection.PROCESSOR)
class NeedStandingProjection implements NeedStandings, ViewRepair.Repaired {

    static final String PROCESSOR = "need-standings";

    private final CommandSideView standings;

    NeedStandingProjection(MongoClient client, MongoProperties properties) {
        this.standings = new CommandSideView(client, properties, "need_standings");
    }

    @EventHandler
    void on(NeedProposed event, @SequenceNumber long version) {
        set(event.needId(), version, Updates.combine(Updates.set("region", event.region().value()),
                Updates.setOnInsert("assessed", false), Updates.setOnInsert("careNeed", false),
                Updates.setOnInsert("withdrawn", false)));
    }

    @EventHandler
    void on(NeedAssessed event, @SequenceNumber long version) {
        set(event.needId(), version, Updates.combine(Updates.set("region", event.region().value()), Updates.set("assessed", true),
                Updates.set("careNeed", event.assessment().careNeed()),
                Updates.set("severity", event.assessment().severity().name())));
    }

    @EventHandler
    void on(NeedWithdrawn event, @SequenceNumber long version) {
        set(event.needId(), version, Updates.combine(Updates.set("region", event.region().value()), Updates.set("withdrawn", true)));
    }

    @Override
    public Map<NeedId, NeedStanding> of(Collection<NeedId> needs) {
        return standings.documents().find(Filters.in("_id", needs.stream().map(NeedId::value).toList()))
                .map(NeedStandingProjection::standing)
                .into(new ArrayList<>()).stream()
                .collect(Collectors.toMap(NeedStanding::needId, Function.identity()));
    }

    @Override
    public List<NeedStanding> rankableNeedsOf(RegionCode region) {
        return standings.documents().find(Filters.and(Filters.eq("region", region.value()), Filters.eq("assessed", true),
                        Filters.eq("careNeed", true), Filters.eq("withdrawn", false)))
                .map(NeedStandingProjection::standing)
                .into(new ArrayList<>());
    }

    private void set(NeedId need, long version, Bson update) {
        standings.set(need.value(), version, update);
    }

    private static NeedStanding standing(Document document) {
        String severity = document.getString("severity");
        return new NeedStanding(NeedId.of(document.getString("_id")), RegionCode.of(document.getString("region")),
                document.getBoolean("assessed", false), document.getBoolean("careNeed", false),
                severity == null ? null : Grade.valueOf(severity), document.getBoolean("withdrawn", false));
    }
}

package se.nduh.query.comparison;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import se.nduh.kernel.commission.CommissionDraftRevised;
import se.nduh.kernel.commission.CommissionDrafted;
import se.nduh.kernel.commission.CommissionIssued;
import se.nduh.kernel.commission.OutcomeRecorded;
import se.nduh.kernel.comparison.ComparisonNamingDecided;
import se.nduh.kernel.need.EvidenceAttached;
import se.nduh.kernel.need.EvidenceWithdrawn;
import se.nduh.kernel.need.HealthInequityDescribed;
import se.nduh.kernel.need.HealthTargetSet;
import se.nduh.kernel.need.NeedAssessed;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.need.NeedRevised;
import se.nduh.kernel.priority.PrioritiesDecided;
import se.nduh.kernel.priority.PrioritiesRanked;
import se.nduh.kernel.priority.PriorityRoundOpened;
import se.nduh.kernel.priority.PriorityRoundReopened;
import se.nduh.kernel.region.RegionCode;
import se.nduh.query.readmodel.ReadModelStore;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The comparison publisher's tracking processor over the region's events: it keeps the facts the metrics need
 * ({@link ComparisonFacts}) and, once at the end of each batch, marks every region the batch touched as stale
 * ({@link StaleRegions}), for {@link FigureRefresh} to recompute into the {@link FigureOutbox} and send. A restart
 * resumes from the processor's token; what was marked or stored as pending but not sent is sent then.
 */
@Component
@ProcessingGroup(ComparisonFactProjection.PROCESSOR)
class ComparisonFactProjection {

    static final String PROCESSOR = "comparison-publisher";
    private static final String TOUCHED_REGIONS = PROCESSOR + ".touched-regions";
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final ComparisonFacts facts;
    private final StaleRegions stale;

    ComparisonFactProjection(ComparisonFacts facts, StaleRegions stale) {
        this.facts = facts;
        this.stale = stale;
    }

    @EventHandler
    void on(NeedProposed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        int budgetYear = event.budgetYear() != null ? event.budgetYear() : at.atZone(SWEDEN).getYear();
        String need = event.needId().value();
        create(facts.needs(), event.region(), need, sequence, NeedFacts.proposed(need, event.region().value(), budgetYear, at,
                event.kindsOfEffort(), event.indicator(), event.needGroup()));
    }

    @EventHandler
    void on(EvidenceAttached event, @SequenceNumber long sequence) {
        change(facts.needs(), event.region(), event.needId().value(), sequence, need -> need.withEvidence(event.evidenceId().value(),
                new NeedFacts.Evidence(event.kind(), event.dataQuality())));
    }

    @EventHandler
    void on(EvidenceWithdrawn event, @SequenceNumber long sequence) {
        change(facts.needs(), event.region(), event.needId().value(), sequence, need -> need.withEvidence(event.evidenceId().value(), null));
    }

    @EventHandler
    void on(NeedAssessed event, @SequenceNumber long sequence) {
        change(facts.needs(), event.region(), event.needId().value(), sequence,
                need -> need.assessed(event.assessment().careNeed(), event.assessment().severity()));
    }

    @EventHandler
    void on(HealthTargetSet event, @SequenceNumber long sequence) {
        change(facts.needs(), event.region(), event.needId().value(), sequence, need -> need.withGap(event.gap()));
    }

    @EventHandler
    void on(HealthInequityDescribed event, @SequenceNumber long sequence) {
        change(facts.needs(), event.region(), event.needId().value(), sequence, need -> need.withInequity(event.inequity()));
    }

    @EventHandler
    void on(NeedRevised event, @SequenceNumber long sequence) {
        change(facts.needs(), event.region(), event.needId().value(), sequence,
                need -> need.revised(event.kindsOfEffort(), event.indicator(), event.needGroup(), event.gap()));
    }

    @EventHandler
    void on(PriorityRoundOpened event, @SequenceNumber long sequence) {
        create(facts.rounds(), event.region(), event.roundId().value(), sequence, RoundFacts.opened(event.region().value(), event.budgetYear()));
    }

    @EventHandler
    void on(PrioritiesRanked event, @SequenceNumber long sequence) {
        List<RoundFacts.Place> places = event.ranking().stream().map(place -> new RoundFacts.Place(place.needId().value(),
                place.deviationRationale() != null && !place.deviationRationale().isBlank())).toList();
        change(facts.rounds(), event.region(), event.roundId().value(), sequence, round -> round.ranked(event.rankingVersion(), places));
    }

    @EventHandler
    void on(PrioritiesDecided event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(facts.rounds(), event.region(), event.roundId().value(), sequence, round -> round.decided(at,
                event.notPrioritised().stream().map(left -> left.needId().value()).toList()));
    }

    @EventHandler
    void on(PriorityRoundReopened event, @SequenceNumber long sequence) {
        change(facts.rounds(), event.region(), event.roundId().value(), sequence, RoundFacts::reopened);
    }

    @EventHandler
    void on(CommissionDrafted event, @SequenceNumber long sequence) {
        create(facts.commissions(), event.region(), event.commissionId().value(), sequence,
                CommissionFacts.drafted(event.region().value(), event.terms()));
    }

    @EventHandler
    void on(CommissionDraftRevised event, @SequenceNumber long sequence) {
        change(facts.commissions(), event.region(), event.commissionId().value(), sequence,
                commission -> commission.withTerms(event.terms()));
    }

    @EventHandler
    void on(CommissionIssued event, @SequenceNumber long sequence) {
        change(facts.commissions(), event.region(), event.commissionId().value(), sequence,
                commission -> commission.issued(!event.warnings().isEmpty()));
    }

    @EventHandler
    void on(OutcomeRecorded event, @SequenceNumber long sequence) {
        if (event.group() != null) {
            // a group's outcome stays in the region: the compared figures are the whole population's
            return;
        }
        change(facts.commissions(), event.region(), event.commissionId().value(), sequence, commission -> commission.outcome(event.indicatorId().value(),
                event.period().value(), event.value(), event.goalFulfilment()));
    }

    @EventHandler
    void on(ComparisonNamingDecided event, @SequenceNumber long sequence) {
        create(facts.naming(), event.region(), event.region().value(), sequence, new NamingFacts(event.region().value(), event.named()));
    }

    /** Stores the facts of a new aggregate (or of a region's naming) and remembers the region for the batch's end. */
    private <T> void create(ReadModelStore<T> store, RegionCode region, String id, long sequence, T created) {
        store.upsert(id, sequence, created);
        touched(region, facts.keyOf(store, id));
    }

    /** Applies an event to the facts of its aggregate and remembers the region for the batch's end. */
    private <T> void change(ReadModelStore<T> store, RegionCode region, String id, long sequence, UnaryOperator<T> change) {
        facts.change(store, id, sequence, change);
        touched(region, facts.keyOf(store, id));
    }

    /**
     * Remembers the region and the fact that changed ({@code null} for none of the region's needs, rounds or
     * commissions) for the end of the batch (every event is handled in one), when the region is marked stale once.
     */
    private void touched(RegionCode region, String fact) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<String, Set<String>> regions = batch.getOrComputeResource(TOUCHED_REGIONS, name -> {
            Map<String, Set<String>> touched = new TreeMap<>();
            batch.onPrepareCommit(unit -> stale.mark(touched));
            return touched;
        });
        Set<String> changed = regions.computeIfAbsent(region.value(), each -> new TreeSet<>());
        if (fact != null) {
            changed.add(fact);
        }
    }
}

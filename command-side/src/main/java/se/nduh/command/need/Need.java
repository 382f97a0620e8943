package se.nduh.command.need;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import se.nduh.infrastructure.eventstore.KernelCommandTargetResolver;
import se.nduh.kernel.need.AssessNeed;
import se.nduh.kernel.need.AttachEvidence;
import se.nduh.kernel.need.EvidenceAttached;
import se.nduh.kernel.need.EvidenceId;
import se.nduh.kernel.need.EvidenceWithdrawn;
import se.nduh.kernel.need.HealthGap;
import se.nduh.kernel.need.HealthIndicator;
import se.nduh.kernel.need.HealthTargetSet;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedAssessed;
import se.nduh.kernel.need.NeedAssessment;
import se.nduh.kernel.need.NeedGroup;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.need.NeedRevised;
import se.nduh.kernel.need.NeedWithdrawn;
import se.nduh.kernel.need.ProposeNeed;
import se.nduh.kernel.need.ReviseNeed;
import se.nduh.kernel.need.SetHealthTarget;
import se.nduh.kernel.need.WithdrawEvidence;
import se.nduh.kernel.need.WithdrawNeed;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.rule.Rule;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A population need (behov) of one region: its description, the elected officials' target and the gap it
 * leaves, the evidence it rests on, its assessment, revisions and withdrawal. Command handlers decide and
 * answer the need's new version; event-sourcing handlers only assign.
 */
@Aggregate(commandTargetResolver = KernelCommandTargetResolver.BEAN_NAME)
class Need {

    @AggregateIdentifier
    private NeedId id;
    private RegionCode region;
    private HealthIndicator indicator;
    private BigDecimal target;
    private int targetYear;
    private final Set<EvidenceId> attachedEvidence = new HashSet<>();
    private final Set<EvidenceId> withdrawnEvidence = new HashSet<>();
    private NeedAssessment assessment;
    private boolean withdrawn;

    Need() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    Need(ProposeNeed command) {
        requireDescribable(command.needGroup(), command.kindsOfEffort());
        apply(new NeedProposed(command.needId(), command.region(), command.title(), command.description(),
                command.needGroup(), command.kindsOfEffort(), command.indicator(), command.budgetYear()));
    }

    @CommandHandler
    long handle(SetHealthTarget command) {
        requireOpen(command.region());
        if (target != null && target.compareTo(command.target()) == 0 && targetYear == command.targetYear()) {
            return version();
        }
        apply(new HealthTargetSet(id, region, command.target(), command.targetYear(), gapTo(indicator, command.target())));
        return version();
    }

    @CommandHandler
    long handle(AttachEvidence command) {
        requireOpen(command.region());
        if (attachedEvidence.contains(command.evidenceId())) {
            return version();
        }
        if (outOfRange(command.dataQuality()) || outOfRange(command.politicalWeight())) {
            throw Rule.RatingOutOfRange.violation(outOfRange(command.dataQuality()) ? "dataQuality" : "politicalWeight");
        }
        apply(new EvidenceAttached(id, region, command.evidenceId(), command.kind(), command.source(),
                command.description(), command.dataQuality(), command.politicalWeight()));
        return version();
    }

    @CommandHandler
    long handle(WithdrawEvidence command) {
        requireOpen(command.region());
        if (!attachedEvidence.contains(command.evidenceId())) {
            throw Rule.UnknownEvidence.violation("evidenceId");
        }
        if (!withdrawnEvidence.contains(command.evidenceId())) {
            apply(new EvidenceWithdrawn(id, region, command.evidenceId(), command.reason()));
        }
        return version();
    }

    @CommandHandler
    long handle(AssessNeed command) {
        requireOpen(command.region());
        if (!command.assessment().equals(assessment)) {
            apply(new NeedAssessed(id, region, command.assessment()));
        }
        return version();
    }

    @CommandHandler
    long handle(ReviseNeed command) {
        requireOpen(command.region());
        requireDescribable(command.needGroup(), command.kindsOfEffort());
        HealthGap gap = target == null ? null : gapTo(command.indicator(), target);
        apply(new NeedRevised(id, region, command.title(), command.description(), command.needGroup(),
                command.kindsOfEffort(), command.indicator(), command.change(), command.reason(), gap));
        return version();
    }

    @CommandHandler
    long handle(WithdrawNeed command) {
        requireInRegion(command.region());
        if (!withdrawn) {
            apply(new NeedWithdrawn(id, region, command.reason()));
        }
        return version();
    }

    @EventSourcingHandler
    void on(NeedProposed event) {
        this.id = event.needId();
        this.region = event.region();
        this.indicator = event.indicator();
    }

    @EventSourcingHandler
    void on(HealthTargetSet event) {
        this.target = event.target();
        this.targetYear = event.targetYear();
    }

    @EventSourcingHandler
    void on(EvidenceAttached event) {
        attachedEvidence.add(event.evidenceId());
    }

    @EventSourcingHandler
    void on(EvidenceWithdrawn event) {
        withdrawnEvidence.add(event.evidenceId());
    }

    @EventSourcingHandler
    void on(NeedAssessed event) {
        this.assessment = event.assessment();
    }

    @EventSourcingHandler
    void on(NeedRevised event) {
        this.indicator = event.indicator();
    }

    @EventSourcingHandler
    void on(NeedWithdrawn event) {
        this.withdrawn = true;
    }

    private static void requireDescribable(NeedGroup needGroup, Set<KindOfEffort> kindsOfEffort) {
        if (kindsOfEffort.isEmpty()) {
            throw Rule.NoKindOfEffort.violation("kindsOfEffort");
        }
        if (needGroup.size() < 1) {
            throw Rule.NeedGroupSizeNotPositive.violation("needGroup.size");
        }
    }

    /** A command addressed through another region's path finds no need there; a withdrawn need takes none. */
    private void requireOpen(RegionCode commandRegion) {
        requireInRegion(commandRegion);
        if (withdrawn) {
            throw Rule.NeedIsWithdrawn.violation("needId");
        }
    }

    private void requireInRegion(RegionCode commandRegion) {
        if (!region.equals(commandRegion)) {
            throw Rule.NeedNotInRegion.violation("needId");
        }
    }

    private static HealthGap gapTo(HealthIndicator indicator, BigDecimal target) {
        HealthGap gap = HealthGap.between(indicator.currentValue(), target, indicator.direction());
        if (!gap.exists()) {
            throw Rule.TargetLeavesNoGap.violation("target");
        }
        return gap;
    }

    private static boolean outOfRange(int rating) {
        return rating < 1 || rating > 5;
    }

    private static long version() {
        return AggregateLifecycle.getVersion();
    }
}

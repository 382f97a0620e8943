package se.nduh.command.need;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import se.nduh.infrastructure.eventstore.EventStoreConfiguration;
import se.nduh.infrastructure.eventstore.KernelCommandTargetResolver;
import se.nduh.kernel.experience.ContactRole;
import se.nduh.kernel.need.AssessNeed;
import se.nduh.kernel.need.AttachEvidence;
import se.nduh.kernel.need.DescribeHealthInequity;
import se.nduh.kernel.need.EvidenceAttached;
import se.nduh.kernel.need.EvidenceWithdrawn;
import se.nduh.kernel.need.HealthGap;
import se.nduh.kernel.need.HealthIndicator;
import se.nduh.kernel.need.HealthInequity;
import se.nduh.kernel.need.HealthInequityDescribed;
import se.nduh.kernel.need.HealthTargetSet;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedAssessed;
import se.nduh.kernel.need.NeedGroup;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.NeedProposed;
import se.nduh.kernel.need.NeedRevised;
import se.nduh.kernel.need.NeedState;
import se.nduh.kernel.need.NeedWithdrawn;
import se.nduh.kernel.need.PopulationGroup;
import se.nduh.kernel.need.ProposeNeed;
import se.nduh.kernel.need.ReviseNeed;
import se.nduh.kernel.need.SetHealthTarget;
import se.nduh.kernel.need.WithdrawEvidence;
import se.nduh.kernel.need.WithdrawNeed;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.rule.Rule;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A population need (behov) of one region: its description, the elected officials' target and the gap it
 * leaves, the evidence it rests on, its assessment, revisions and withdrawal. Command handlers decide and
 * answer the need's new version; event-sourcing handlers only assign the next {@link NeedState}, the one copy of
 * how an event changes a need, which the audit replay shares.
 */
@Aggregate(commandTargetResolver = KernelCommandTargetResolver.BEAN_NAME, snapshotTriggerDefinition = EventStoreConfiguration.SNAPSHOTS)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
class Need {

    @AggregateIdentifier
    private NeedId id;
    private NeedState state;

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
        if (state.target() != null && state.target().compareTo(command.target()) == 0
                && state.targetYear() == command.targetYear() && sameAmount(state.targetGroupGap(), command.targetGroupGap())) {
            return version();
        }
        HealthGap gap = gapTo(state.indicator(), command.target());
        if (command.targetGroupGap() != null) {
            requireGroupGapAimable(command.targetGroupGap());
        }
        apply(new HealthTargetSet(id, state.region(), command.target(), command.targetYear(), gap, command.targetGroupGap()));
        return version();
    }

    /** The breakdown (of the indicator's period unless it names one) replaces any earlier one; the same again changes nothing. */
    @CommandHandler
    long handle(DescribeHealthInequity command) {
        requireOpen(command.region());
        requireComparable(command.inequity());
        HealthInequity inequity = command.inequity().period() != null ? command.inequity()
                : command.inequity().inPeriod(state.indicator().period());
        if (!inequity.equals(state.inequity())) {
            apply(new HealthInequityDescribed(id, state.region(), inequity));
        }
        return version();
    }

    @CommandHandler
    long handle(AttachEvidence command) {
        requireOpen(command.region());
        if (state.evidence(command.evidenceId()).isPresent()) {
            return version();
        }
        if (outOfRange(command.dataQuality()) || outOfRange(command.politicalWeight())) {
            throw Rule.RatingOutOfRange.violation(outOfRange(command.dataQuality()) ? "dataQuality" : "politicalWeight");
        }
        apply(new EvidenceAttached(id, state.region(), command.evidenceId(), command.kind(), command.source(),
                command.description(), command.dataQuality(), command.politicalWeight()));
        return version();
    }

    @CommandHandler
    long handle(WithdrawEvidence command) {
        requireOpen(command.region());
        NeedState.Evidence evidence = state.evidence(command.evidenceId())
                .orElseThrow(() -> Rule.UnknownEvidence.violation("evidenceId"));
        if (!evidence.withdrawn()) {
            apply(new EvidenceWithdrawn(id, state.region(), command.evidenceId(), command.reason()));
        }
        return version();
    }

    @CommandHandler
    long handle(AssessNeed command) {
        requireOpen(command.region());
        if (!command.assessment().equals(state.assessment())) {
            apply(new NeedAssessed(id, state.region(), command.assessment()));
        }
        return version();
    }

    @CommandHandler
    long handle(ReviseNeed command) {
        requireOpen(command.region());
        requireDescribable(command.needGroup(), command.kindsOfEffort());
        HealthGap gap = state.target() == null ? null : gapTo(command.indicator(), state.target());
        apply(new NeedRevised(id, state.region(), command.title(), command.description(), command.needGroup(),
                command.kindsOfEffort(), command.indicator(), command.change(), command.reason(), gap));
        return version();
    }

    @CommandHandler
    long handle(WithdrawNeed command) {
        requireInRegion(command.region());
        if (!state.withdrawn()) {
            apply(new NeedWithdrawn(id, state.region(), command.reason()));
        }
        return version();
    }

    @EventSourcingHandler
    void on(NeedProposed event) {
        this.id = event.needId();
        this.state = NeedState.proposed(event);
    }

    @EventSourcingHandler
    void on(HealthTargetSet event) {
        this.state = state.with(event);
    }

    @EventSourcingHandler
    void on(HealthInequityDescribed event) {
        this.state = state.with(event);
    }

    @EventSourcingHandler
    void on(EvidenceAttached event) {
        this.state = state.with(event);
    }

    @EventSourcingHandler
    void on(EvidenceWithdrawn event) {
        this.state = state.with(event);
    }

    @EventSourcingHandler
    void on(NeedAssessed event) {
        this.state = state.with(event);
    }

    @EventSourcingHandler
    void on(NeedRevised event) {
        this.state = state.with(event);
    }

    @EventSourcingHandler
    void on(NeedWithdrawn event) {
        this.state = state.with(event);
    }

    private static void requireDescribable(NeedGroup needGroup, Set<KindOfEffort> kindsOfEffort) {
        if (kindsOfEffort.isEmpty()) {
            throw Rule.NoKindOfEffort.violation("kindsOfEffort");
        }
        if (needGroup.size() < 1) {
            throw Rule.NeedGroupSizeNotPositive.violation("needGroup.size");
        }
    }

    /** 2 to 12 groups, each a category named once (never a person), counting zero people or more. */
    private static void requireComparable(HealthInequity inequity) {
        List<PopulationGroup> groups = inequity.groups();
        if (groups.size() < HealthInequity.MIN_GROUPS || groups.size() > HealthInequity.MAX_GROUPS) {
            throw Rule.InequityGroupsOutOfRange.violation("groups");
        }
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < groups.size(); i++) {
            PopulationGroup group = groups.get(i);
            if (ContactRole.looksPersonal(group.label())) {
                throw Rule.InequityGroupIsAPerson.violation("groups[" + i + "].label");
            }
            if (!labels.add(group.label().strip().toLowerCase(Locale.ROOT))) {
                throw Rule.InequityGroupNamedTwice.violation("groups[" + i + "].label");
            }
            if (group.count() < 0) {
                throw Rule.InequityGroupCountNegative.violation("groups[" + i + "].count");
            }
        }
    }

    /** A target for the gap between groups needs a breakdown, and narrows its gap without going below zero. */
    private void requireGroupGapAimable(BigDecimal targetGroupGap) {
        BigDecimal current = state.inequityGap()
                .orElseThrow(() -> Rule.GroupGapTargetWithoutBreakdown.violation("targetGroupGap")).absolute();
        if (targetGroupGap.signum() < 0 || targetGroupGap.compareTo(current) >= 0) {
            throw Rule.GroupGapTargetLeavesNoGap.violation("targetGroupGap");
        }
    }

    private static boolean sameAmount(BigDecimal one, BigDecimal other) {
        return one == null || other == null ? Objects.equals(one, other) : one.compareTo(other) == 0;
    }

    /** A command addressed through another region's path finds no need there; a withdrawn need takes none. */
    private void requireOpen(RegionCode commandRegion) {
        requireInRegion(commandRegion);
        if (state.withdrawn()) {
            throw Rule.NeedIsWithdrawn.violation("needId");
        }
    }

    private void requireInRegion(RegionCode commandRegion) {
        if (!state.region().equals(commandRegion)) {
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

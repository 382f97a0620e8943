package se.nduh.kernel.need;

import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A need as its events leave it. The {@code Need} aggregate decides on it and the audit replay shows it, so how an
 * event changes a need is written once, here; it holds what the audit shows even where the rules need less.
 * Immutable: every event gives a new state.
 *
 * @param targetYear the year the target should be reached, {@code null} while no target is set
 * @param gap        the health gap to the target, {@code null} while no target is set
 * @param evidence   every piece of evidence in the order attached; withdrawn evidence stays, marked
 * @param inequity   the equity breakdown, {@code null} while none is described
 * @param targetGroupGap the gap between the breakdown's groups the target aims for, {@code null} when it aims at none
 */
public record NeedState(NeedId needId, RegionCode region, String title, String description, NeedGroup needGroup,
                        Set<KindOfEffort> kindsOfEffort, HealthIndicator indicator, Integer budgetYear,
                        BigDecimal target, Integer targetYear, HealthGap gap, List<Evidence> evidence,
                        NeedAssessment assessment, boolean withdrawn, HealthInequity inequity, BigDecimal targetGroupGap) {

    public NeedState {
        kindsOfEffort = KindOfEffort.setOf(kindsOfEffort);
        evidence = List.copyOf(evidence);
    }

    /** One piece of evidence with its ratings (1-5); {@code withdrawalReason} is set once it is withdrawn. */
    public record Evidence(EvidenceId evidenceId, EvidenceKind kind, String source, String description, int dataQuality,
                           int politicalWeight, boolean withdrawn, String withdrawalReason) {
    }

    public static NeedState proposed(NeedProposed event) {
        return new NeedState(event.needId(), event.region(), event.title(), event.description(), event.needGroup(),
                event.kindsOfEffort(), event.indicator(), event.budgetYear(), null, null, null, List.of(), null, false, null, null);
    }

    public NeedState with(HealthTargetSet event) {
        return new NeedState(needId, region, title, description, needGroup, kindsOfEffort, indicator, budgetYear,
                event.target(), event.targetYear(), event.gap(), evidence, assessment, withdrawn, inequity, event.targetGroupGap());
    }

    public NeedState with(EvidenceAttached event) {
        Evidence attached = new Evidence(event.evidenceId(), event.kind(), event.source(), event.description(),
                event.dataQuality(), event.politicalWeight(), false, null);
        return withEvidence(Stream.concat(evidence.stream(), Stream.of(attached)).toList());
    }

    public NeedState with(EvidenceWithdrawn event) {
        return withEvidence(evidence.stream()
                .map(piece -> piece.evidenceId().equals(event.evidenceId())
                        ? new Evidence(piece.evidenceId(), piece.kind(), piece.source(), piece.description(),
                                piece.dataQuality(), piece.politicalWeight(), true, event.reason())
                        : piece)
                .toList());
    }

    public NeedState with(NeedAssessed event) {
        return new NeedState(needId, region, title, description, needGroup, kindsOfEffort, indicator, budgetYear,
                target, targetYear, gap, evidence, event.assessment(), withdrawn, inequity, targetGroupGap);
    }

    /** The revision replaces the description and indicator; the gap it carries was derived anew from the target. */
    public NeedState with(NeedRevised event) {
        return new NeedState(needId, region, event.title(), event.description(), event.needGroup(), event.kindsOfEffort(),
                event.indicator(), budgetYear, target, targetYear, event.gap(), evidence, assessment, withdrawn, inequity, targetGroupGap);
    }

    public NeedState with(NeedWithdrawn event) {
        return new NeedState(needId, region, title, description, needGroup, kindsOfEffort, indicator, budgetYear,
                target, targetYear, gap, evidence, assessment, true, inequity, targetGroupGap);
    }

    /** The equity breakdown replaces any earlier one; a target's aim at the gap between groups stays as set. */
    public NeedState with(HealthInequityDescribed event) {
        return new NeedState(needId, region, title, description, needGroup, kindsOfEffort, indicator, budgetYear,
                target, targetYear, gap, evidence, assessment, withdrawn, event.inequity(), targetGroupGap);
    }

    /** The gap between the groups of the equity breakdown, in the indicator's direction; none without a breakdown. */
    public Optional<InequityGap> inequityGap() {
        return Optional.ofNullable(inequity).map(breakdown -> breakdown.gap(indicator.direction()));
    }

    /** The state after any event of the need, for a replay that reads them untyped; other events change nothing. */
    public NeedState evolve(Object event) {
        if (event instanceof HealthTargetSet targetSet) {
            return with(targetSet);
        }
        if (event instanceof EvidenceAttached attached) {
            return with(attached);
        }
        if (event instanceof EvidenceWithdrawn evidenceWithdrawn) {
            return with(evidenceWithdrawn);
        }
        if (event instanceof NeedAssessed assessed) {
            return with(assessed);
        }
        if (event instanceof NeedRevised revised) {
            return with(revised);
        }
        if (event instanceof HealthInequityDescribed inequityDescribed) {
            return with(inequityDescribed);
        }
        if (event instanceof NeedWithdrawn needWithdrawn) {
            return with(needWithdrawn);
        }
        return this;
    }

    public Optional<Evidence> evidence(EvidenceId id) {
        return evidence.stream().filter(piece -> piece.evidenceId().equals(id)).findFirst();
    }

    private NeedState withEvidence(List<Evidence> changed) {
        return new NeedState(needId, region, title, description, needGroup, kindsOfEffort, indicator, budgetYear,
                target, targetYear, gap, changed, assessment, withdrawn, inequity, targetGroupGap);
    }
}

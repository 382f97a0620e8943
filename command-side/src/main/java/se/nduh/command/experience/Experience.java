package se.nduh.command.experience;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import se.nduh.infrastructure.eventstore.KernelCommandTargetResolver;
import se.nduh.kernel.experience.BestPracticeCurated;
import se.nduh.kernel.experience.BestPracticeRetired;
import se.nduh.kernel.experience.ContactRole;
import se.nduh.kernel.experience.CurateBestPractice;
import se.nduh.kernel.experience.ExperienceId;
import se.nduh.kernel.experience.ExperienceReleased;
import se.nduh.kernel.experience.ExperienceShared;
import se.nduh.kernel.experience.ReleaseExperience;
import se.nduh.kernel.experience.RetireBestPractice;
import se.nduh.kernel.experience.ShareExperience;
import se.nduh.kernel.experience.StrategicArea;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.rule.Rule;

import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One shared experience through its whole life: shared inside the region, released to the network by the
 * region's elected officials, curated as best practice by the network's coordinators, retired, and perhaps
 * curated again.
 * <p>
 * Curation is network-level (coordinators have no region), yet it lives on this aggregate: in this deployment
 * one command side serves every region, so the experience and its curation share one consistency boundary and
 * "only a released experience can be curated" is checked without a cross-aggregate view. In a federated
 * deployment, curation would move to a network-level aggregate fed by the released-experience topic.
 */
@Aggregate(commandTargetResolver = KernelCommandTargetResolver.BEAN_NAME)
class Experience {

    enum Status { SHARED, RELEASED }

    @AggregateIdentifier
    private ExperienceId id;
    private RegionCode region;
    private String title;
    private StrategicArea area;
    private String summary;
    private Set<KindOfEffort> kindsOfEffort;
    private String contactRole;
    private Status status;
    private BestPracticeCurated curation;
    private boolean retired;

    Experience() {
        // for Axon: rebuilt from its events
    }

    /**
     * Shares the experience; {@code commissionRegion} is the region of the linked commission as the event store
     * knows it (empty when the commission does not exist), read by {@link ExperienceCommands}.
     */
    Experience(ShareExperience command, Optional<RegionCode> commissionRegion) {
        if (ContactRole.looksPersonal(command.contactRole())) {
            throw Rule.ContactIsAPerson.violation("contactRole");
        }
        if (ContactRole.looksPersonal(command.title())) {
            throw Rule.SharedTextNamesAPerson.violation("title");
        }
        if (ContactRole.looksPersonal(command.summary())) {
            throw Rule.SharedTextNamesAPerson.violation("summary");
        }
        if (command.linkedCommission() != null && !commissionRegion.equals(Optional.of(command.region()))) {
            throw Rule.LinkedCommissionNotInRegion.violation("linkedCommissionId");
        }
        apply(new ExperienceShared(command.experienceId(), command.region(), command.title(), command.area(),
                command.summary(), command.kindsOfEffort(), command.contactRole(), command.linkedCommission()));
    }

    @CommandHandler
    long handle(ReleaseExperience command) {
        if (!region.equals(command.region())) {
            throw Rule.ExperienceNotInRegion.violation("experienceId");
        }
        if (status != Status.RELEASED) {
            apply(new ExperienceReleased(id, region, title, area, summary, kindsOfEffort, contactRole, command.releasedOn()));
        }
        return version();
    }

    @CommandHandler
    long handle(CurateBestPractice command) {
        if (status != Status.RELEASED) {
            throw Rule.ExperienceNotReleased.violation("experienceId");
        }
        if (command.tags().stream().allMatch(tag -> tag == null || tag.isBlank())) {
            throw Rule.BestPracticeWithoutTags.violation("tags");
        }
        if (command.why() == null || command.why().isBlank()) {
            throw Rule.BestPracticeWithoutWhy.violation("why");
        }
        BestPracticeCurated curated = new BestPracticeCurated(id, region, command.tags(), command.why());
        if (!curated.equals(curation) || retired) {
            apply(curated);
        }
        return version();
    }

    @CommandHandler
    long handle(RetireBestPractice command) {
        if (curation == null) {
            throw Rule.BestPracticeNotCurated.violation("experienceId");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw Rule.RetirementWithoutReason.violation("reason");
        }
        if (!retired) {
            apply(new BestPracticeRetired(id, region, command.reason()));
        }
        return version();
    }

    @EventSourcingHandler
    void on(ExperienceShared event) {
        this.id = event.experienceId();
        this.region = event.region();
        this.title = event.title();
        this.area = event.area();
        this.summary = event.summary();
        this.kindsOfEffort = event.kindsOfEffort();
        this.contactRole = event.contactRole();
        this.status = Status.SHARED;
    }

    @EventSourcingHandler
    void on(ExperienceReleased event) {
        this.status = Status.RELEASED;
    }

    @EventSourcingHandler
    void on(BestPracticeCurated event) {
        this.curation = event;
        this.retired = false;
    }

    @EventSourcingHandler
    void on(BestPracticeRetired event) {
        this.retired = true;
    }

    private static long version() {
        return AggregateLifecycle.getVersion();
    }
}

package se.nduh.command.experience;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import se.nduh.infrastructure.eventstore.KernelCommandTargetResolver;
import se.nduh.kernel.experience.ContactRole;
import se.nduh.kernel.experience.ExperienceId;
import se.nduh.kernel.experience.ExperienceReleased;
import se.nduh.kernel.experience.ExperienceShared;
import se.nduh.kernel.experience.ReleaseExperience;
import se.nduh.kernel.experience.ShareExperience;
import se.nduh.kernel.experience.StrategicArea;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.rule.Rule;

import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One shared experience in its region: shared, then released to the network by the region's elected officials.
 * What the network does with it (curation as best practice) is the network's own aggregate, fed by the release's
 * record on Kafka.
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

    private static long version() {
        return AggregateLifecycle.getVersion();
    }
}

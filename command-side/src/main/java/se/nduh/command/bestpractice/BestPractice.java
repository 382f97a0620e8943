package se.nduh.command.bestpractice;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.nduh.infrastructure.eventstore.KernelCommandTargetResolver;
import se.nduh.kernel.experience.BestPracticeCurated;
import se.nduh.kernel.experience.BestPracticeRetired;
import se.nduh.kernel.experience.CurateBestPractice;
import se.nduh.kernel.experience.RetireBestPractice;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.rule.Rule;

import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The network's curation of one released experience: curated as best practice by the coordinators, retired, and
 * perhaps curated again. It lives in the network's deployment, which holds no region's details: what it knows of
 * the experience is what the releasing region published on the topic ({@link ReleasedExperiences}), so only an
 * experience the network has received can be curated.
 */
@Aggregate(commandTargetResolver = KernelCommandTargetResolver.BEAN_NAME)
class BestPractice {

    @AggregateIdentifier
    private String id;
    private BestPracticeCurated curation;
    private boolean retired;

    BestPractice() {
        // for Axon: rebuilt from its events, or created by the first curation
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(CurateBestPractice command, ReleasedExperiences released) {
        Optional<RegionCode> region = released.regionOf(command.experienceId());
        if (region.isEmpty()) {
            throw Rule.ExperienceNotReleased.violation("experienceId");
        }
        if (command.tags().stream().allMatch(tag -> tag == null || tag.isBlank())) {
            throw Rule.BestPracticeWithoutTags.violation("tags");
        }
        if (command.why() == null || command.why().isBlank()) {
            throw Rule.BestPracticeWithoutWhy.violation("why");
        }
        BestPracticeCurated curated = new BestPracticeCurated(command.experienceId(), region.get(), command.tags(), command.why());
        if (!curated.equals(curation) || retired) {
            apply(curated);
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RetireBestPractice command) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw Rule.RetirementWithoutReason.violation("reason");
        }
        if (!retired) {
            apply(new BestPracticeRetired(curation.experienceId(), curation.region(), command.reason()));
        }
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(BestPracticeCurated event) {
        this.id = event.experienceId().curationId();
        this.curation = event;
        this.retired = false;
    }

    @EventSourcingHandler
    void on(BestPracticeRetired event) {
        this.retired = true;
    }
}

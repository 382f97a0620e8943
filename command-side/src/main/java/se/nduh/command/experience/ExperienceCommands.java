package se.nduh.command.experience;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import se.nduh.kernel.experience.ShareExperience;
import se.nduh.kernel.region.RegionCode;

import java.util.Optional;

/** Sharing may link a commission; this reads which region the commission belongs to and hands it to the new experience. */
@Component
class ExperienceCommands {

    private final Repository<Experience> experiences;
    private final CommissionRegions commissions;

    ExperienceCommands(Repository<Experience> experiences, CommissionRegions commissions) {
        this.experiences = experiences;
        this.commissions = commissions;
    }

    @CommandHandler
    long handle(ShareExperience command) throws Exception {
        Optional<RegionCode> commissionRegion = command.linkedCommission() == null ? Optional.empty()
                : commissions.regionOf(command.linkedCommission());
        experiences.newInstance(() -> new Experience(command, commissionRegion));
        return 0;
    }
}

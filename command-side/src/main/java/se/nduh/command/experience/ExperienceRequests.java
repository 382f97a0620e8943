package se.nduh.command.experience;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.nduh.kernel.commission.CommissionId;
import se.nduh.kernel.experience.ExperienceId;
import se.nduh.kernel.experience.ShareExperience;
import se.nduh.kernel.experience.StrategicArea;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.region.RegionCode;

import java.time.LocalDate;
import java.util.Set;

/** The bodies of the experience commands; {@code expectedVersion} is the version the user saw. */
final class ExperienceRequests {

    private ExperienceRequests() {
    }

    /** {@code contactRole} is a role such as "Strateg, hälso- och sjukvårdsförvaltningen", never a person. */
    record ShareRequest(@NotBlank @Size(max = 200) String title, @NotNull StrategicArea area,
                        @NotBlank @Size(max = 4000) String summary, @NotEmpty Set<@NotNull KindOfEffort> kindsOfEffort,
                        @NotBlank @Size(max = 200) String contactRole, String linkedCommissionId) {

        ShareExperience toCommand(ExperienceId id, RegionCode region) {
            return new ShareExperience(id, region, title.strip(), area, summary.strip(), kindsOfEffort, contactRole.strip(),
                    linkedCommissionId == null || linkedCommissionId.isBlank() ? null : CommissionId.of(linkedCommissionId.strip()));
        }
    }

    /** {@code releasedOn}: the date of the elected officials' decision; today (in Sweden) when left out. */
    record ReleaseRequest(LocalDate releasedOn, Long expectedVersion) {
    }

}

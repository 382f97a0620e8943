package se.nduh.command.need;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import se.nduh.kernel.need.Direction;
import se.nduh.kernel.need.HealthIndicator;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedGroup;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.ProposeNeed;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;
import java.util.Set;

/** The body of {@code POST /api/v1/regions/{region}/needs}. */
record ProposeNeedRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @NotNull @Valid NeedGroupBody needGroup,
        @NotEmpty Set<@NotNull KindOfEffort> kindsOfEffort,
        @NotNull @Valid IndicatorBody indicator) {

    record NeedGroupBody(@NotBlank @Size(max = 400) String description, @NotNull @Positive Long size) {
    }

    record IndicatorBody(@NotBlank @Size(max = 200) String name,
                         @NotNull BigDecimal currentValue,
                         @NotBlank @Size(max = 40) String unit,
                         @NotNull Direction direction,
                         @NotBlank @Size(max = 400) String source,
                         @NotNull @Pattern(regexp = "\\d{4}(-Q[1-4])?", message = "must be " + Period.FORMAT_DESCRIPTION)
                         String period) {
    }

    ProposeNeed toCommand(NeedId needId, RegionCode region) {
        return new ProposeNeed(needId, region, title.strip(), description == null ? "" : description.strip(),
                new NeedGroup(needGroup.description().strip(), needGroup.size()), kindsOfEffort,
                new HealthIndicator(indicator.name().strip(), indicator.currentValue(), indicator.unit().strip(),
                        indicator.direction(), indicator.source().strip(), Period.of(indicator.period())));
    }
}

package se.nduh.command.need;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import se.nduh.infrastructure.indicator.IndicatorCatalogue;
import se.nduh.infrastructure.web.Headcount;
import se.nduh.infrastructure.web.Measure;
import se.nduh.kernel.need.Direction;
import se.nduh.kernel.need.HealthIndicator;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.kernel.need.NeedGroup;
import se.nduh.kernel.need.NeedId;
import se.nduh.kernel.need.ProposeNeed;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;

import java.math.BigDecimal;
import java.time.Year;
import java.time.ZoneId;
import java.util.Set;

/**
 * The body of {@code POST /api/v1/regions/{region}/needs}: the need, the budget year whose needs analysis it
 * belongs to (the current one when left out), and optionally the shared catalogue indicator it is measured by.
 */
record ProposeNeedRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @NotNull @Valid NeedGroupBody needGroup,
        @NotEmpty Set<@NotNull KindOfEffort> kindsOfEffort,
        @NotNull @Valid IndicatorBody indicator,
        @Min(2000) @Max(2100) Integer budgetYear) {

    record NeedGroupBody(@NotBlank @Size(max = 400) String description, @NotNull @Positive @Headcount Long size) {
    }

    record IndicatorBody(@NotBlank @Size(max = 200) String name,
                         @NotNull @Measure BigDecimal currentValue,
                         @NotBlank @Size(max = 40) String unit,
                         @NotNull Direction direction,
                         @NotBlank @Size(max = 400) String source,
                         @NotNull @Pattern(regexp = "\\d{4}(-Q[1-4])?", message = "must be " + Period.FORMAT_DESCRIPTION)
                         String period,
                         @Size(max = 60) String catalogueCode) {
    }

    /** The command, for the budget year given or else the current one; a catalogue link must fit the catalogue. */
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    ProposeNeed toCommand(NeedId needId, RegionCode region, IndicatorCatalogue catalogue) {
        String catalogueCode = indicator.catalogueCode() == null || indicator.catalogueCode().isBlank()
                ? null : indicator.catalogueCode().strip();
        if (catalogueCode != null) {
            catalogue.requireLink(catalogueCode, indicator.unit().strip(), indicator.direction(), "indicator.catalogueCode");
        }
        return new ProposeNeed(needId, region, title.strip(), description == null ? "" : description.strip(),
                new NeedGroup(needGroup.description().strip(), needGroup.size()), kindsOfEffort,
                new HealthIndicator(indicator.name().strip(), indicator.currentValue(), indicator.unit().strip(),
                        indicator.direction(), indicator.source().strip(), Period.of(indicator.period()), catalogueCode),
                budgetYear == null ? Year.now(SWEDEN).getValue() : budgetYear);
    }
}

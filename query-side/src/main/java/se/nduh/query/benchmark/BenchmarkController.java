package se.nduh.query.benchmark;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.infrastructure.security.Actor;
import se.nduh.infrastructure.security.Grant;
import se.nduh.infrastructure.security.Role;
import se.nduh.kernel.comparison.Area;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.rule.Rule;
import se.nduh.query.benchmark.BenchmarkAnswers.Benchmark;
import se.nduh.query.benchmark.BenchmarkAnswers.MetricAnswer;
import se.nduh.query.benchmark.BenchmarkAnswers.Trend;
import se.nduh.query.readmodel.Page;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The benchmarking views: every metric the network compares, one metric's figures of a period with the
 * network's median and quartiles, and its trend. Every signed-in role of every region and the coordinators
 * may read them.
 * <p>
 * <b>Whose entry is "own".</b> A caller's own regions are those of their grants as förtroendevald,
 * tjänsteperson, utförare or revisor. With exactly one, the view is shown as that region sees it: its entry
 * is marked {@code own} and ranked. With several, the caller names one with {@code ?region=}, or no entry is
 * marked. A coordinator (network-wide) never has an own region. Naming a region that is not one's own is
 * refused ({@link Rule#BenchmarkRegionNotOwn}), so no caller can see which entry another region recognises.
 */
@RestController
class BenchmarkController {

    static final String PERIOD_FORMAT = "[0-9]{4}(-Q[1-4])?";
    private static final Set<Role> REGION_ROLES = EnumSet.of(Role.FORTROENDEVALD, Role.TJANSTEPERSON, Role.UTFORARE, Role.REVISOR);

    private final BenchmarkViews views;
    private final RegionDirectory regions;

    BenchmarkController(BenchmarkViews views, RegionDirectory regions) {
        this.views = views;
        this.regions = regions;
    }

    @Operation(summary = "The metrics the network compares",
            description = "Each with its code, Swedish label, area, which way is better and the periods with published figures.")
    @GetMapping("/api/v1/benchmarks")
    Mono<Page<MetricAnswer>> metrics(@RequestParam(required = false) Area area,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return views.metrics(area, page, size);
    }

    @Operation(summary = "One metric in one period: every region's figure and the network's spread",
            description = "One entry per region that published (pseudonym, or code when named; suppressed figures as "
                    + "suppressed, never zero), the caller's own entry marked own, its rank, and the median and quartiles "
                    + "of the unsuppressed values. Coordinators see no own entry and no rank.")
    @GetMapping("/api/v1/benchmarks/{metric}")
    Mono<Benchmark> benchmark(@PathVariable String metric,
                              @Parameter(description = "A year (2025) or a quarter (2025-Q3); the latest period when none is given")
                              @RequestParam(required = false) @Pattern(regexp = PERIOD_FORMAT) String period,
                              @Parameter(description = "For a caller of several regions: which of their own regions views it")
                              @RequestParam(required = false) @Size(max = 60) String region,
                              @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
                              @AuthenticationPrincipal Actor actor) {
        return views.benchmark(views.require(metric), period, ownRegion(actor, region, regions), page, size);
    }

    @Operation(summary = "One metric over time",
            description = "The network's median and quartiles per period, and the caller's own region's figures and ranks.")
    @GetMapping("/api/v1/benchmarks/{metric}/trend")
    Mono<Trend> trend(@PathVariable String metric,
                      @Parameter(description = "For a caller of several regions: which of their own regions views it")
                      @RequestParam(required = false) @Size(max = 60) String region,
                      @AuthenticationPrincipal Actor actor) {
        return views.trend(views.require(metric), ownRegion(actor, region, regions));
    }

    /** The region the caller views as: the one they name among their own, or their only one, or none. */
    static RegionCode ownRegion(Actor actor, String requested, RegionDirectory regions) {
        Set<String> own = new TreeSet<>();
        for (Grant grant : actor.grants()) {
            if (!grant.network() && REGION_ROLES.contains(grant.role())) {
                grant.regions().forEach(code -> own.add(code.value()));
            }
        }
        if (requested != null) {
            RegionCode code = regions.code(requested);
            if (!own.contains(code.value())) {
                throw Rule.BenchmarkRegionNotOwn.violation("region");
            }
            return code;
        }
        return own.size() == 1 ? RegionCode.of(own.iterator().next()) : null;
    }
}

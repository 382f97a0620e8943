package se.nduh.query.arshjul;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoDatabase;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.kernel.cycle.RecordCycleMilestone;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;
import se.nduh.query.readmodel.ReadModelUpdates;
import se.nduh.query.arshjul.AnnualWheel.Step;
import se.nduh.query.arshjul.AnnualWheel.StepKind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/regions/{region}/arshjul}: the region's annual wheel for a budget year (the current one
 * by default), read from the need registry, the priority lists, the commission board, the outcome series and the
 * steps the region recorded as held outside the platform; with {@code minVersion}, once those reflect that version.
 */
@RestController
class ArshjulController {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final MongoDatabase read;
    private final RegionDirectory regions;
    private final CycleMilestoneProjection milestones;
    private final ReadModelUpdates updates;
    private final Clock clock = Clock.system(SWEDEN);

    ArshjulController(MongoDatabase readDatabase, RegionDirectory regions, CycleMilestoneProjection milestones,
                      ReadModelUpdates updates) {
        this.read = readDatabase;
        this.regions = regions;
        this.milestones = milestones;
        this.updates = updates;
    }

    /** The wheel's steps, what is overdue, and the steps held outside the platform with their dates and references, earliest first. */
    record Arshjul(String region, int budgetYear, LocalDate asOf, List<Step> steps, List<String> overdue,
                   List<CycleMilestones.Held> held) {
    }

    @GetMapping("/api/v1/regions/{region}/arshjul")
    Mono<Arshjul> arshjul(@PathVariable String region, @RequestParam(required = false) @Min(2000) @Max(2100) Integer budgetYear,
                          @RequestParam(required = false) @Min(0) @Max(1_000_000_000) Long minVersion,
                          @RequestParam(defaultValue = "5") @Min(0) @Max(30) int wait) {
        RegionCode code = regions.code(region);
        LocalDate today = LocalDate.now(clock);
        int year = budgetYear == null ? today.getYear() : budgetYear;
        String wheel = RecordCycleMilestone.aggregateIdOf(code, year);
        return updates.awaitVersion(CycleMilestoneProjection.PROCESSOR, code.value(), wheel, minVersion, Duration.ofSeconds(wait),
                () -> milestones.wheels().version(wheel)).then(Mono.defer(() -> read(region, wheel, year, today)));
    }

    private Mono<Arshjul> read(String region, String wheel, int year, LocalDate today) {
        // The first need described for this budget year, not the region's first need ever.
        Mono<Optional<LocalDate>> needsDescribed = first(read.getCollection("needs")
                .find(Filters.and(Filters.eq("region", region), Filters.eq("budgetYear", year)))
                .sort(Sorts.ascending("proposedAt")).first(), document -> date(document.getString("proposedAt")));
        Mono<Optional<LocalDate>> decided = first(read.getCollection("priority_rounds")
                .find(Filters.and(Filters.eq("_id", region + "-" + year), Filters.eq("decided", true))).first(),
                document -> LocalDate.parse(document.getList("decisions", Document.class).get(0).getString("decisionDate")));
        Mono<Optional<LocalDate>> issued = first(read.getCollection("commissions")
                .find(Filters.and(Filters.eq("terms.roundId", region + "-" + year), Filters.ne("issuedOn", null)))
                .sort(Sorts.ascending("issuedOn")).first(), document -> LocalDate.parse(document.getString("issuedOn")));
        Mono<List<Document>> outcomes = Flux.from(read.getCollection("outcomes")
                .find(Filters.and(Filters.eq("region", region), Filters.regex("period", "^" + year)))).collectList();
        Mono<CycleMilestones> held = milestones.wheels().findById(wheel)
                .defaultIfEmpty(new CycleMilestones(region, year, List.of()));
        return Mono.zip(needsDescribed, decided, issued, outcomes, held).map(done -> {
            Map<StepKind, Optional<LocalDate>> doneOn = new EnumMap<>(StepKind.class);
            doneOn.put(StepKind.NEEDS_DESCRIBED, done.getT1());
            doneOn.put(StepKind.PRIORITIES_DECIDED, done.getT2());
            doneOn.put(StepKind.COMMISSIONS_ISSUED, done.getT3());
            List<StepKind> quarters = List.of(StepKind.FOLLOW_UP_Q1, StepKind.FOLLOW_UP_Q2, StepKind.FOLLOW_UP_Q3, StepKind.FOLLOW_UP_Q4);
            for (int quarter = 1; quarter <= 4; quarter++) {
                Period period = Period.of(year + "-Q" + quarter);
                doneOn.put(quarters.get(quarter - 1), done.getT4().stream()
                        .filter(outcome -> Period.of(outcome.getString("period")).overlaps(period.start(), period.end()))
                        .map(outcome -> date(outcome.getString("recordedAt")))
                        .min(LocalDate::compareTo));
            }
            List<Step> steps = Arrays.stream(StepKind.values())
                    .map(kind -> step(kind, year, kind.milestone() == null ? doneOn.get(kind) : done.getT5().firstHeld(kind.milestone()), today))
                    .toList();
            return new Arshjul(region, year, today, steps, steps.stream().filter(Step::overdue).map(Step::label).toList(),
                    done.getT5().held().stream().sorted(Comparator.comparing(CycleMilestones.Held::heldOn)).toList());
        });
    }

    private static Step step(StepKind kind, int year, Optional<LocalDate> doneOn, LocalDate today) {
        LocalDate due = AnnualWheel.due(kind, year);
        return new Step(kind, AnnualWheel.label(kind), due, doneOn.isPresent(), doneOn.orElse(null),
                doneOn.isEmpty() && today.isAfter(due));
    }

    private static <T> Mono<Optional<T>> first(org.reactivestreams.Publisher<Document> found,
                                               java.util.function.Function<Document, T> value) {
        return Mono.from(found).map(value).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private static LocalDate date(String instant) {
        return Instant.parse(instant).atZone(SWEDEN).toLocalDate();
    }
}

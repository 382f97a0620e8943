package se.nduh.query.bestpractice;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import se.nduh.kernel.experience.ReleasedExperience;
import se.nduh.kernel.experience.StrategicArea;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.query.readmodel.Page;
import se.nduh.query.readmodel.ReadModelUpdates;

import java.time.Duration;

/** The curated best-practice library of the network, readable by every signed-in role. */
@RestController
class BestPracticeController {

    /** A search text: no control characters, which no title holds and the database cannot take in a pattern. */
    private static final String SEARCH_TEXT = "\\P{Cntrl}*";
    private static final String SEARCH_TEXT_RULE = "must be text without control characters";

    private final BestPracticeLibrary library;
    private final ReadModelUpdates updates;

    BestPracticeController(BestPracticeLibrary library, ReadModelUpdates updates) {
        this.library = library;
        this.updates = updates;
    }

    /** Curated (not retired) best practices by title; {@code q} searches titles and summaries, ignoring case. */
    @GetMapping("/api/v1/best-practice")
    Mono<Page<BestPracticeAnswer>> library(@RequestParam(required = false) StrategicArea area,
                                           @RequestParam(required = false) KindOfEffort kindOfEffort,
                                           @RequestParam(required = false) @Size(max = 200) @Pattern(regexp = SEARCH_TEXT, message = SEARCH_TEXT_RULE) String q,
                                           @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                           @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return library.curated(area, kindOfEffort, q, page, size);
    }

    /** The network's released experiences not in the library now, for coordinators to curate from; the same filters. */
    @GetMapping("/api/v1/released-experiences")
    Mono<Page<ReleasedExperience>> notCurated(@RequestParam(required = false) StrategicArea area,
                                              @RequestParam(required = false) KindOfEffort kindOfEffort,
                                              @RequestParam(required = false) @Size(max = 200) @Pattern(regexp = SEARCH_TEXT, message = SEARCH_TEXT_RULE) String q,
                                              @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                              @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return library.notCurated(area, kindOfEffort, q, page, size);
    }

    /**
     * One curated best practice; with {@code minVersion} (the version the curation command answered), once the
     * curation reflects it (waiting at most {@code wait} s).
     */
    @GetMapping("/api/v1/best-practice/{experienceId}")
    Mono<BestPracticeAnswer> one(@PathVariable String experienceId,
                                 @RequestParam(required = false) @Min(0) @Max(1_000_000_000) Long minVersion,
                                 @RequestParam(defaultValue = "5") @Min(0) @Max(30) int wait) {
        return updates.awaitVersion(BestPracticeLibrary.LIBRARY, null, experienceId, minVersion, Duration.ofSeconds(wait),
                        () -> library.curationVersion(experienceId))
                .then(library.one(experienceId))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No curated best practice " + experienceId)));
    }
}

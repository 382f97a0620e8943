package se.nduh.query.benchmark;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import se.nduh.kernel.comparison.ComparisonRecord;

import java.util.List;

/** {@code GET /api/v1/comparisons}: the anonymised comparison records received from the network. */
@RestController
class ComparisonController {

    private final ComparisonBoard board;

    ComparisonController(ComparisonBoard board) {
        this.board = board;
    }

    @GetMapping("/api/v1/comparisons")
    Mono<List<ComparisonRecord>> comparisons() {
        return board.all().collectList();
    }
}

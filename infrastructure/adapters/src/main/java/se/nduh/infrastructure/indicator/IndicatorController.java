package se.nduh.infrastructure.indicator;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.nduh.kernel.comparison.CatalogueIndicator;

import java.util.List;

/** {@code GET /api/v1/indicators}: the shared indicator catalogue that needs and follow-up plans may link to. */
@RestController
public class IndicatorController {

    private final IndicatorCatalogue catalogue;

    IndicatorController(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/v1/indicators")
    public List<CatalogueIndicator> indicators() {
        return catalogue.all();
    }
}

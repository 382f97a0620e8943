package se.nduh.infrastructure.indicator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import se.nduh.kernel.comparison.Better;
import se.nduh.kernel.comparison.CatalogueIndicator;
import se.nduh.kernel.need.Direction;
import se.nduh.kernel.rule.Rule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared indicator catalogue, read from a CSV file ({@code code,name,unit,better}) the network agrees on,
 * like the member regions; {@code NDUH_INDICATORS_FILE} replaces the built-in one.
 */
@Component
public class IndicatorCatalogue {

    private final Map<String, CatalogueIndicator> indicators;

    public IndicatorCatalogue(@Value("${nduh.indicators-file:classpath:nduh/indicators.csv}") Resource file) {
        this.indicators = read(file);
    }

    public List<CatalogueIndicator> all() {
        return List.copyOf(indicators.values());
    }

    public Optional<CatalogueIndicator> find(String code) {
        return Optional.ofNullable(indicators.get(code));
    }

    /** The catalogue indicator of that code, or the {@link Rule#UnknownCatalogueIndicator} violation on the field. */
    public CatalogueIndicator require(String code, String field) {
        return find(code).orElseThrow(() -> Rule.UnknownCatalogueIndicator.violation(field));
    }

    /**
     * Checks a link from a region's indicator to the catalogue: the code must exist, and the region's unit and
     * direction must be the catalogue's, or the values would not be comparable.
     */
    public void requireLink(String code, String unit, Direction direction, String field) {
        CatalogueIndicator indicator = require(code, field);
        Better better = direction == Direction.LOWER_IS_BETTER ? Better.LOWER : Better.HIGHER;
        if (!indicator.unit().equals(unit) || indicator.better() != better) {
            throw Rule.CatalogueIndicatorMismatch.violation(field);
        }
    }

    private static Map<String, CatalogueIndicator> read(Resource file) {
        Map<String, CatalogueIndicator> indicators = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().skip(1).map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
                String[] columns = line.split(",");
                CatalogueIndicator indicator = new CatalogueIndicator(columns[0].strip(), columns[1].strip(),
                        columns[2].strip(), Better.valueOf(columns[3].strip()));
                indicators.put(indicator.code(), indicator);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the indicator catalogue " + file, e);
        }
        return indicators;
    }
}

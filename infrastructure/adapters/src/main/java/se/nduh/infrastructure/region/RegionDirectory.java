package se.nduh.infrastructure.region;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import se.nduh.kernel.region.Region;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.rule.Rule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The member regions, read from a CSV file ({@code code,name}): membership changes, so it is data.
 * The built-in list is the thirteen regions of 2020–2023; {@code NDUH_REGIONS_FILE} replaces it.
 */
@Component
public class RegionDirectory {

    private final Map<RegionCode, Region> regions;

    public RegionDirectory(@Value("${nduh.regions-file:classpath:nduh/regions.csv}") Resource file) {
        this.regions = read(file);
    }

    public List<Region> all() {
        return List.copyOf(regions.values());
    }

    public boolean isMember(String code) {
        return RegionCode.isWellFormed(code) && regions.containsKey(RegionCode.of(code));
    }

    /** The member region of that code, or the {@link Rule#UnknownRegion} violation on field {@code region}. */
    public Region require(String code) {
        if (!isMember(code)) {
            throw Rule.UnknownRegion.violation("region");
        }
        return regions.get(RegionCode.of(code));
    }

    /** The code of the member region named in a path, or the {@link Rule#UnknownRegion} violation. */
    public RegionCode code(String code) {
        return require(code).code();
    }

    private static Map<RegionCode, Region> read(Resource file) {
        Map<RegionCode, Region> regions = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().skip(1).map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
                String[] columns = line.split(",", 2);
                Region region = new Region(RegionCode.of(columns[0].strip()), columns[1].strip());
                regions.put(region.code(), region);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the region list " + file, e);
        }
        return regions;
    }
}

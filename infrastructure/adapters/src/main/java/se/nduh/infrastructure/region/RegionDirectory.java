package se.nduh.infrastructure.region;

import org.springframework.beans.factory.annotation.Autowired;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The member regions, read from a CSV file ({@code code,name}, and {@code left} in a third column for a region that
 * has left the network, as its own deployment lists it): membership changes, so it is data.
 * The built-in list is the thirteen regions of 2020–2023; {@code NDUH_REGIONS_FILE} replaces it.
 * Of them, the regions this deployment serves ({@code NDUH_SERVED_REGIONS}; all by default): a region's own
 * deployment serves one, the single-machine run all of them, the network's deployment none ({@code none}).
 */
@Component
public class RegionDirectory {

    /** What the network's deployment serves: no region. */
    public static final String NONE = "none";

    private final Map<RegionCode, Region> regions;
    private final Set<RegionCode> served;
    private final Set<RegionCode> left = new LinkedHashSet<>();

    /** Every member served. */
    public RegionDirectory(Resource file) {
        this(file, "");
    }

    @Autowired
    public RegionDirectory(@Value("${nduh.regions-file:classpath:nduh/regions.csv}") Resource file,
                           @Value("${nduh.served-regions:}") String served) {
        this.regions = read(file, left);
        this.served = served(served, regions);
    }

    public List<Region> all() {
        return List.copyOf(regions.values());
    }

    public boolean isMember(String code) {
        return RegionCode.isWellFormed(code) && regions.containsKey(RegionCode.of(code));
    }

    /** Whether this deployment serves the region: holds its records and takes its users' requests. */
    public boolean isServed(String code) {
        return isMember(code) && served.contains(RegionCode.of(code));
    }

    public List<Region> served() {
        return regions.values().stream().filter(region -> served.contains(region.code())).toList();
    }

    /**
     * Whether the region has left the network: its own deployment keeps its history and its users, but publishes
     * nothing of it any more and retracts what it published.
     */
    public boolean hasLeft(String code) {
        return isMember(code) && left.contains(RegionCode.of(code));
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

    /**
     * A comma-separated list of member codes, all members when blank, or {@code none}; a code that is no member
     * stops the start.
     */
    private static Set<RegionCode> served(String list, Map<RegionCode, Region> members) {
        if (list.isBlank()) {
            return Set.copyOf(members.keySet());
        }
        if (list.strip().equals(NONE)) {
            return Set.of();
        }
        Set<RegionCode> served = new LinkedHashSet<>();
        for (String code : list.split(",")) {
            if (!RegionCode.isWellFormed(code.strip()) || !members.containsKey(RegionCode.of(code.strip()))) {
                throw new IllegalStateException("NDUH_SERVED_REGIONS names '" + code.strip() + "', which is not a member region");
            }
            served.add(RegionCode.of(code.strip()));
        }
        return Set.copyOf(served);
    }

    private static Map<RegionCode, Region> read(Resource file, Set<RegionCode> left) {
        Map<RegionCode, Region> regions = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().skip(1).map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
                String[] columns = line.split(",", 3);
                Region region = new Region(RegionCode.of(columns[0].strip()), columns[1].strip());
                regions.put(region.code(), region);
                if (columns.length == 3 && columns[2].strip().equals("left")) {
                    left.add(region.code());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the region list " + file, e);
        }
        return regions;
    }
}

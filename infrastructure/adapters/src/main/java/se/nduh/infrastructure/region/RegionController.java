package se.nduh.infrastructure.region;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.nduh.kernel.region.Region;

import java.util.List;

/** {@code GET /api/v1/regions}: the member regions with their codes (used in every URL) and Swedish names. */
@RestController
public class RegionController {

    private final RegionDirectory regions;

    RegionController(RegionDirectory regions) {
        this.regions = regions;
    }

    @GetMapping("/api/v1/regions")
    public List<Region> regions() {
        return regions.all();
    }
}

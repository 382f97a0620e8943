package se.nduh.infrastructure.security;

import se.nduh.kernel.region.RegionCode;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One role held for some regions, or for the whole network ({@code *}, the coordinators' binding).
 * Written {@code role:region;region} or {@code role:*} in user files and tokens.
 */
public record Grant(Role role, Set<RegionCode> regions, boolean network) {

    public static final String NETWORK = "*";

    public Grant {
        regions = Set.copyOf(regions);
        if (network == !regions.isEmpty()) {
            throw new IllegalArgumentException("A grant binds either regions or the network");
        }
    }

    public static Grant ofRegions(Role role, RegionCode... regions) {
        return new Grant(role, Set.of(regions), false);
    }

    public static Grant ofNetwork(Role role) {
        return new Grant(role, Set.of(), true);
    }

    /** Parses {@code role:region;region} or {@code role:*}. */
    public static Grant parse(String text) {
        String[] parts = text.strip().split(":", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("A grant is written role:regions, not '" + text + "'");
        }
        Role role = Role.ofCode(parts[0].strip());
        return parts[1].strip().equals(NETWORK)
                ? ofNetwork(role)
                : new Grant(role, Arrays.stream(parts[1].split(";")).map(String::strip).map(RegionCode::of)
                        .collect(Collectors.toSet()), false);
    }

    public boolean covers(RegionCode region) {
        return regions.contains(region);
    }

    /** The regions part as written in files: codes joined by {@code ;}, or {@code *}. */
    public String regionsText() {
        return network ? NETWORK : regions.stream().map(RegionCode::value).sorted().collect(Collectors.joining(";"));
    }

    @Override
    public String toString() {
        return role.code() + ":" + regionsText();
    }
}

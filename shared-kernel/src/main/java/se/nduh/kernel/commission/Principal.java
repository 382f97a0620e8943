package se.nduh.kernel.commission;

import se.nduh.kernel.region.RegionCode;

/**
 * Another principal (huvudman) a joint commission is shared with: a municipality or other principal by its name, a
 * region by its code (any region, member of the network or not) and optionally its name.
 */
public record Principal(Kind kind, String name, RegionCode region) {

    public enum Kind { MUNICIPALITY, REGION, OTHER }
}

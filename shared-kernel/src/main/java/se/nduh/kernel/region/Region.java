package se.nduh.kernel.region;

/** A member region: reference data (membership changes), never an enum. */
public record Region(RegionCode code, String name) {
}

package se.nduh.kernel.commission;

/** Which side of an accepted commission proposes a revision of its plan: the region's civil servants or the provider. */
public enum PlanParty {
    REGION,
    PROVIDER
}

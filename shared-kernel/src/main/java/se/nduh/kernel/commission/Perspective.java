package se.nduh.kernel.commission;

/** Whose view a follow-up indicator takes: the care operation's, or the population's. */
public enum Perspective {
    OPERATIONAL,
    POPULATION
}

package se.nduh.kernel.rule;

/**
 * Every business rule the platform enforces, each with a stable code (the enum name) and the kind of
 * refusal it is: a request that can never succeed ({@link Kind#INVALID}) or one that conflicts with the
 * current state ({@link Kind#CONFLICT}).
 */
public enum Rule {
    UnknownRegion(Kind.NOT_FOUND, "The region is not a member region of the network."),
    NeedGroupSizeNotPositive(Kind.INVALID, "A need group must count at least one person."),
    NoKindOfEffort(Kind.INVALID, "A need names at least one kind of effort."),
    NeedNotInRegion(Kind.NOT_FOUND, "The region has no such need."),
    NeedIsWithdrawn(Kind.CONFLICT, "The need is withdrawn and takes no further commands."),
    TargetLeavesNoGap(Kind.INVALID, "The target leaves no health gap: in the indicator's direction it is not better than the current value."),
    RatingOutOfRange(Kind.INVALID, "Data quality and political weight are rated from 1 to 5."),
    UnknownEvidence(Kind.NOT_FOUND, "The need has no such evidence.");

    private final Kind kind;
    private final String description;

    Rule(Kind kind, String description) {
        this.kind = kind;
        this.description = description;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public RuleViolation violation(String field) {
        return new RuleViolation(this, field, description);
    }

    /** How a refusal maps onto the protocol, decided once here rather than per endpoint. */
    public enum Kind { INVALID, CONFLICT, NOT_FOUND }
}

package se.nduh.kernel.rule;

/**
 * A broken business rule, named by its stable {@link Rule} code and the field it concerns, so that the
 * API, the UI and the tests speak of the same rule.
 */
public class RuleViolation extends RuntimeException {

    private final Rule rule;
    private final String field;

    public RuleViolation(Rule rule, String field, String detail) {
        super(detail);
        this.rule = rule;
        this.field = field;
    }

    public Rule rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}

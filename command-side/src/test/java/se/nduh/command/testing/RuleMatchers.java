package se.nduh.command.testing;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import se.nduh.kernel.rule.Rule;
import se.nduh.kernel.rule.RuleViolation;

import java.util.Objects;

/**
 * Matches a refusal by its rule's code (and field), never by its message text, so a reworded description
 * breaks no test: {@code fixture.when(...).expectException(violates(Rule.NoGoals))}.
 */
public final class RuleMatchers {

    private RuleMatchers() {
    }

    /** A violation of this rule, whatever field it names. */
    public static Matcher<RuleViolation> violates(Rule rule) {
        return new Violates(rule, null);
    }

    /** A violation of this rule about this field. */
    public static Matcher<RuleViolation> violates(Rule rule, String field) {
        return new Violates(rule, Objects.requireNonNull(field, "field"));
    }

    private static final class Violates extends TypeSafeDiagnosingMatcher<RuleViolation> {

        private final Rule rule;
        private final String field;

        Violates(Rule rule, String field) {
            this.rule = rule;
            this.field = field;
        }

        @Override
        protected boolean matchesSafely(RuleViolation violation, Description mismatch) {
            mismatch.appendText("violated ").appendValue(violation.rule()).appendText(" at ").appendValue(violation.field());
            return violation.rule() == rule && (field == null || field.equals(violation.field()));
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("a violation of ").appendValue(rule);
            if (field != null) {
                description.appendText(" at ").appendValue(field);
            }
        }
    }
}

package se.nduh.infrastructure.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import se.nduh.kernel.rule.RuleViolation;

import java.net.URI;

/** Builds the problems the platform answers with, so every edge (controllers, security) speaks alike. */
public final class Problems {

    private Problems() {
    }

    public static URI type(String code) {
        return URI.create("urn:nduh:problem:" + code);
    }

    public static ProblemDetail ruleViolation(RuleViolation violation) {
        HttpStatus status = switch (violation.rule().kind()) {
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, violation.getMessage());
        problem.setTitle("Rule " + violation.rule().name());
        problem.setType(type(violation.rule().name()));
        problem.setProperty("rule", violation.rule().name());
        problem.setProperty("field", violation.field());
        return problem;
    }
}

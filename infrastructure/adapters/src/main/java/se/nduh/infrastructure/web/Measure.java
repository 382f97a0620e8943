package se.nduh.infrastructure.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Digits;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A measured value from a request (an indicator's value, a target, a baseline, an outcome): finite and of a sane scale, son * that no figure derived from it can grow past what the read models and the comparisons can hold, nor costn * more than microseconds to compute. A value such as {@code 1e400} is refused here, before any command.
 */
@Digits(integer = 12, fraction = 6)
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Measure {

    String message() default "must be a number with at most 12 digits before the decimal point and 6 after it";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

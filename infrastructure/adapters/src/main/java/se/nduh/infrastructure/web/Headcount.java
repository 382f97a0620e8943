package se.nduh.infrastructure.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A number of people in a region's need group: more than twice Sweden's population is a typing error.
 */
@PositiveOrZero
@Max(Headcount.MAX)
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Headcount {

    long MAX = 20_000_000;

    String message() default "must be a number of people from 0 to 20000000";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

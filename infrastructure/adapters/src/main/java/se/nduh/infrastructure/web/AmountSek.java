package se.nduh.infrastructure.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.PositiveOrZero;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An amount in Swedish kronor: not negative, whole öre, at most 13 digits (ten times a region's yearly budget).
 */
@PositiveOrZero
@Digits(integer = 13, fraction = 2)
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AmountSek {

    String message() default "must be an amount in kronor of at most 13 digits and 2 decimals, not negative";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

package com.cleantechcrm.gateway.apikey.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text that is an ISO-8601 timestamp with a time zone offset, such as {@code 2027-01-01T00:00:00Z}, later than now
 * and before the year 10000. Null is valid.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = FutureTimestampValidator.class)
@interface FutureTimestamp {

    String message() default "must be an ISO-8601 timestamp in the future";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

package com.cleantechcrm.gateway.apikey.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A number of seconds from 0 to {@code crm.api-keys.max-rotation-grace-period}. Null is valid. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = GracePeriodSecondsValidator.class)
@interface GracePeriodSeconds {

    String message() default "must be between 0 and the maximum grace period";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

package com.cleantechcrm.gateway.apikey.web;

import com.cleantechcrm.gateway.apikey.ApiKeyFormat;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text without anything of the API key format in it, so that a key pasted into a name or a note is never stored
 * in the audit trail. Null is valid.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ContainsNoApiKey.Validator.class)
@interface ContainsNoApiKey {

    String message() default "must not contain an API key";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ContainsNoApiKey, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || !ApiKeyFormat.containsKey(value);
        }
    }
}

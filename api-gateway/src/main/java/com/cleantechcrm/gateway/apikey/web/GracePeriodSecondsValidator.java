package com.cleantechcrm.gateway.apikey.web;

import com.cleantechcrm.gateway.apikey.ApiKeyProperties;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link GracePeriodSeconds} against the configured maximum. Spring creates it with the properties. */
class GracePeriodSecondsValidator implements ConstraintValidator<GracePeriodSeconds, Long> {

    private final long maxSeconds;

    GracePeriodSecondsValidator(ApiKeyProperties properties) {
        this.maxSeconds = properties.maxRotationGracePeriod().toSeconds();
    }

    @Override
    public boolean isValid(Long value, ConstraintValidatorContext context) {
        if (value == null || (value >= 0 && value <= maxSeconds)) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must be between 0 and " + maxSeconds)
                .addConstraintViolation();
        return false;
    }
}

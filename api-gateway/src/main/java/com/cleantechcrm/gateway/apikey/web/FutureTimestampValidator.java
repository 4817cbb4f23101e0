package com.cleantechcrm.gateway.apikey.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Checks {@link FutureTimestamp}. Spring creates it with the application's {@link Clock}. */
class FutureTimestampValidator implements ConstraintValidator<FutureTimestamp, String> {

    private final Clock clock;

    FutureTimestampValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Optional<Instant> parsed = Timestamps.parse(value);
        String problem = null;
        if (parsed.isEmpty()) {
            problem = "must be an ISO-8601 timestamp with a time zone offset, such as 2027-01-01T00:00:00Z";
        } else if (!parsed.get().isAfter(clock.instant())) {
            problem = "must be in the future";
        } else if (!parsed.get().isBefore(Timestamps.LATEST)) {
            problem = "must be before the year 10000";
        }
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }
}

package com.cleantechcrm.gateway.apikey.web;

import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import com.cleantechcrm.support.web.StrictJsonBinder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a body in which a field must be present even though null is a valid value, such as {@code expires_at: null}
 * to remove an expiry. {@link StrictJsonBinder} cannot tell a missing field from a null one.
 */
final class RequiredFields {

    private RequiredFields() {}

    static <T extends Record> T bindRequiring(StrictJsonBinder binder, JsonNode body, Class<T> type, String field) {
        if (body == null || !body.isObject() || body.has(field)) {
            return binder.bind(body, type);
        }

        List<String> errors = new ArrayList<>();
        errors.add(field + ": must be present; send null to remove the value");
        try {
            binder.bind(body, type);
        } catch (ApiException e) {
            if (e.code() != ErrorCode.VALIDATION_FAILED) {
                throw e;
            }
            errors.addAll(validationErrorsOf(e));
        }
        String noun = errors.size() == 1 ? "1 invalid field" : errors.size() + " invalid fields";
        throw new ApiException(ErrorCode.VALIDATION_FAILED, "The request body has " + noun + ".")
                .withValidationErrors(errors);
    }

    @SuppressWarnings("unchecked")
    private static List<String> validationErrorsOf(ApiException exception) {
        Object errors = exception.toResponse().error().details().get("validation_errors");
        return errors instanceof List<?> list ? (List<String>) list : List.of();
    }
}

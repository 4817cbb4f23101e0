package com.cleantechcrm.support.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The error envelope that every failed request gets: {@code {"error": {"code", "message", "details"}}}. The details
 * always contain {@code validation_errors} and {@code system_errors}, and may contain more keys.
 */
public record ErrorResponse(Body error) {

    public record Body(String code, String message, Map<String, Object> details) {}

    public static ErrorResponse of(ErrorCode code, String message) {
        return of(code, message, List.of(), Map.of());
    }

    public static ErrorResponse of(
            ErrorCode code, String message, List<String> validationErrors, Map<String, Object> extraDetails) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("validation_errors", List.copyOf(validationErrors));
        details.put("system_errors", List.of());
        details.putAll(extraDetails);
        return new ErrorResponse(new Body(code.name(), message, details));
    }
}

package com.cleantechcrm.support.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A failure that the API reports to the client in the error envelope, with the status of its code. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private List<String> validationErrors = List.of();
    private final Map<String, Object> details = new LinkedHashMap<>();

    public ApiException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ApiException withValidationErrors(List<String> errors) {
        this.validationErrors = List.copyOf(errors);
        return this;
    }

    public ApiException withDetail(String key, Object value) {
        details.put(key, value);
        return this;
    }

    public ErrorCode code() {
        return code;
    }

    public ErrorResponse toResponse() {
        return ErrorResponse.of(code, getMessage(), validationErrors, details);
    }
}

package com.cleantechcrm.cli.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;

/**
 * A response of the API with its JSON body parsed; {@code body} is a {@link MissingNode} when the response had no
 * JSON body.
 */
public record ApiResponse(int status, HttpHeaders headers, JsonNode body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Returns {@code error.code} of the error envelope, or {@code HTTP <status>} when the body has none. */
    public String errorCode() {
        JsonNode code = body.path("error").path("code");
        return code.isTextual() ? code.asText() : "HTTP " + status;
    }

    /** Returns {@code error.message} followed by the validation errors of the envelope, if any. */
    public String errorMessage() {
        JsonNode error = body.path("error");
        String message = error.path("message").asText("");

        List<String> problems = new ArrayList<>();
        error.path("details").path("validation_errors").forEach(item -> problems.add(item.asText()));
        if (problems.isEmpty()) {
            return message;
        }
        return (message.isEmpty() ? "" : message + " ") + String.join("; ", problems);
    }

    public String errorSummary() {
        String message = errorMessage();
        return message.isEmpty() ? errorCode() : errorCode() + " " + message;
    }
}

package com.cleantechcrm.support.error;

import java.util.List;
import java.util.Map;

/**
 * Builds the envelope for an error that only has an HTTP status, because it was raised outside the application's
 * handlers: by the servlet container, a filter or a forward to {@code /error}.
 */
public final class StatusEnvelopes {

    private StatusEnvelopes() {}

    public static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST;
        };
    }

    /** Returns the envelope for the status; {@code requestId} may be null. */
    public static ErrorResponse forStatus(int status, String requestId) {
        ErrorCode code = codeFor(status);
        String message = switch (code) {
            case NOT_FOUND -> "No resource exists at this path.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on this path.";
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            case UNAUTHORIZED -> "The request needs a valid API key.";
            case FORBIDDEN -> "The API key lacks the scope this endpoint needs.";
            case UNSUPPORTED_MEDIA_TYPE -> "The content type is not supported; send application/json.";
            case SERVICE_UNAVAILABLE -> "The service is unavailable; retry later.";
            case INTERNAL_ERROR ->
                "The server failed to handle the request; quote the request id when " + "reporting it.";
            default -> "The request is malformed: check the request line, the headers and their sizes.";
        };
        Map<String, Object> details = requestId == null ? Map.of() : Map.of("request_id", requestId);
        return ErrorResponse.of(code, message, List.of(), details);
    }

    /** Returns the status to send with the envelope: the original one, except 500 for any unknown server error. */
    public static int statusFor(int status) {
        return codeFor(status) == ErrorCode.INTERNAL_ERROR ? 500 : status;
    }
}

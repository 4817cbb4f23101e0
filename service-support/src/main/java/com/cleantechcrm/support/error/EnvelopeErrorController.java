package com.cleantechcrm.support.error;

import com.cleantechcrm.support.web.RequestIds;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's {@code /error} page, which the servlet container forwards to for failures outside Spring MVC
 * (a rejected URL, an error in a filter), so that those failures also answer in the envelope.
 */
@RestController
public class EnvelopeErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ErrorResponse> error(HttpServletRequest request) {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer value ? value : 500;
        ErrorCode code = codeFor(status);
        String message = switch (code) {
            case NOT_FOUND -> "No resource exists at this path.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on this path.";
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            case UNAUTHORIZED -> "The request needs a valid API key.";
            case FORBIDDEN -> "The API key lacks the scope this endpoint needs.";
            case INTERNAL_ERROR ->
                "The server failed to handle the request; quote the request id when " + "reporting it.";
            default -> "The request is malformed.";
        };
        String requestId = RequestIds.current();
        Map<String, Object> details = requestId == null ? Map.of() : Map.of("request_id", requestId);
        return ResponseEntity.status(code == ErrorCode.INTERNAL_ERROR ? 500 : status)
                .body(ErrorResponse.of(code, message, List.of(), details));
    }

    private static ErrorCode codeFor(int status) {
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
}

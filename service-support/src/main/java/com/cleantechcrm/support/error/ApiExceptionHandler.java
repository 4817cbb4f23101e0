package com.cleantechcrm.support.error;

import com.cleantechcrm.support.web.PayloadTooLargeException;
import com.cleantechcrm.support.web.RequestIds;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Renders every exception that reaches Spring MVC in the error envelope. Spring's own exceptions keep the status
 * Spring chose; a database that is down becomes a 503, and anything else unexpected a 500, both carrying the request
 * id and nothing of the cause.
 */
@RestControllerAdvice
@Order(0)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorResponse> handleApiException(ApiException exception) {
        return ResponseEntity.status(exception.code().status()).body(exception.toResponse());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorResponse> handleTypeMismatch(MethodArgumentTypeMismatchException exception) {
        if (exception.getParameter().hasParameterAnnotation(PathVariable.class)) {
            // A malformed id names no resource, the same as an id that does not exist.
            return envelope(ErrorCode.NOT_FOUND, "No resource exists at this path.", List.of());
        }
        String error = exception.getName() + ": has an invalid value";
        return envelope(ErrorCode.VALIDATION_FAILED, "The request has 1 invalid parameter.", List.of(error));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorResponse> handleUnexpected(Exception exception, NativeWebRequest request) {
        String requestId = RequestIds.current();
        if (DatabaseFailures.isUnavailable(exception)) {
            log.warn("Request {} failed because the database is unavailable: {}", requestId, exception.toString());
            return ResponseEntity.status(ErrorCode.SERVICE_UNAVAILABLE.status())
                    .body(DatabaseFailures.unavailableResponse(requestId));
        }
        log.error("Request {} failed with an unexpected error.", requestId, exception);
        ErrorResponse body = ErrorResponse.of(
                ErrorCode.INTERNAL_ERROR,
                "The server failed to handle the request; quote the request id when reporting it.",
                List.of(),
                Map.of("request_id", requestId == null ? "" : requestId));
        return ResponseEntity.status(ErrorCode.INTERNAL_ERROR.status()).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception exception,
            @Nullable Object body,
            HttpHeaders headers,
            HttpStatusCode statusCode,
            WebRequest request) {
        ErrorResponse envelope = toEnvelope(exception, statusCode);
        int status = ErrorCode.valueOf(envelope.error().code()) == ErrorCode.PAYLOAD_TOO_LARGE
                ? ErrorCode.PAYLOAD_TOO_LARGE.status()
                : statusCode.value();
        return ResponseEntity.status(status).headers(headers).body(envelope);
    }

    private ErrorResponse toEnvelope(Exception exception, HttpStatusCode statusCode) {
        if (exception instanceof NoResourceFoundException || exception instanceof NoHandlerFoundException) {
            return ErrorResponse.of(ErrorCode.NOT_FOUND, "No resource exists at this path.");
        }
        if (exception instanceof HttpRequestMethodNotSupportedException notSupported) {
            return ErrorResponse.of(
                    ErrorCode.METHOD_NOT_ALLOWED,
                    "Method " + notSupported.getMethod() + " is not allowed here; allowed: "
                            + notSupported.getSupportedHttpMethods() + ".");
        }
        if (exception instanceof HttpMediaTypeNotSupportedException unsupported) {
            String sent = unsupported.getContentType() == null
                    ? "A missing or unreadable content type"
                    : "Content type " + unsupported.getContentType();
            return ErrorResponse.of(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE, sent + " is not supported; send application/json in UTF-8.");
        }
        if (exception instanceof MissingServletRequestParameterException missing) {
            return ErrorResponse.of(
                    ErrorCode.VALIDATION_FAILED,
                    "The request has 1 invalid parameter.",
                    List.of(missing.getParameterName() + ": must not be null"),
                    Map.of());
        }
        if (exception instanceof HttpMessageNotReadableException unreadable) {
            return unreadableBody(unreadable);
        }
        if (statusCode.is5xxServerError()) {
            log.error("Request {} failed inside Spring MVC.", RequestIds.current(), exception);
            return ErrorResponse.of(
                    ErrorCode.INTERNAL_ERROR,
                    "The server failed to handle the request; quote the request id when reporting it.",
                    List.of(),
                    Map.of("request_id", String.valueOf(RequestIds.current())));
        }
        return ErrorResponse.of(ErrorCode.MALFORMED_REQUEST, "The request is malformed: " + statusCode + ".");
    }

    private ErrorResponse unreadableBody(HttpMessageNotReadableException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return ErrorResponse.of(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            }
            if (cause instanceof JsonProcessingException json) {
                return ErrorResponse.of(ErrorCode.MALFORMED_REQUEST, describe(json));
            }
        }
        return ErrorResponse.of(ErrorCode.MALFORMED_REQUEST, "The request body is missing or unreadable.");
    }

    /** Describes a JSON parse failure in one sentence with its position, without Jackson's internal details. */
    private static String describe(JsonProcessingException json) {
        String reason = String.valueOf(json.getOriginalMessage());
        if (reason.startsWith("Trailing token")) {
            return "The request body has more content after its JSON value.";
        }
        for (String cut : List.of("\n", " at [Source", " (start marker", " (for ", ": was expecting")) {
            int index = reason.indexOf(cut);
            if (index > 0) {
                reason = reason.substring(0, index);
            }
        }
        JsonLocation location = json.getLocation();
        String where =
                location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return "The request body is not valid JSON" + where + ": " + reason + ".";
    }

    private static ResponseEntity<ErrorResponse> envelope(ErrorCode code, String message, List<String> errors) {
        return ResponseEntity.status(code.status()).body(ErrorResponse.of(code, message, errors, Map.of()));
    }
}

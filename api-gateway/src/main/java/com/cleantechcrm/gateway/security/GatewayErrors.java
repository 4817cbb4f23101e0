package com.cleantechcrm.gateway.security;

import com.cleantechcrm.support.error.DatabaseFailures;
import com.cleantechcrm.support.error.ErrorCode;
import com.cleantechcrm.support.error.ErrorResponse;
import com.cleantechcrm.support.error.ErrorResponseWriter;
import com.cleantechcrm.support.web.RequestIds;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;

/** Writes the gateway's authentication and authorisation failures in the error envelope. */
public class GatewayErrors {

    private final ErrorResponseWriter writer;

    public GatewayErrors(ErrorResponseWriter writer) {
        this.writer = writer;
    }

    /**
     * Writes 401 with a {@code WWW-Authenticate: Bearer} challenge, which adds {@code error="invalid_token"} when a
     * key was presented but rejected.
     */
    public void writeUnauthorized(HttpServletResponse response, boolean keyWasPresented) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, keyWasPresented ? "Bearer error=\"invalid_token\"" : "Bearer");
        String message = keyWasPresented
                ? "The API key is invalid, revoked or expired."
                : "The request needs an API key in the header 'Authorization: Bearer <key>'.";
        writer.write(response, ErrorResponse.of(ErrorCode.UNAUTHORIZED, message), ErrorCode.UNAUTHORIZED.status());
    }

    public void writeForbidden(HttpServletResponse response, String requiredScope) throws IOException {
        writer.write(
                response,
                ErrorResponse.of(
                        ErrorCode.FORBIDDEN,
                        "The API key lacks the scope '" + requiredScope + "' this endpoint needs."),
                ErrorCode.FORBIDDEN.status());
    }

    /** Writes 503 for a request whose API key could not be checked because the database is unavailable. */
    public void writeServiceUnavailable(HttpServletResponse response) throws IOException {
        writer.write(
                response,
                DatabaseFailures.unavailableResponse(RequestIds.current()),
                ErrorCode.SERVICE_UNAVAILABLE.status());
    }

    public void write(HttpServletResponse response, ErrorCode code, String message) throws IOException {
        writer.write(response, ErrorResponse.of(code, message), code.status());
    }
}

package com.cleantechcrm.support.web;

import com.cleantechcrm.support.error.ErrorCode;
import com.cleantechcrm.support.error.ErrorResponse;
import com.cleantechcrm.support.error.ErrorResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects query parameters whose values break {@link TextRules}, such as {@code q=%00}, with {@code 400
 * VALIDATION_FAILED} before any handler passes them to the database.
 */
public class RequestParameterFilter extends OncePerRequestFilter {

    private final ErrorResponseWriter errorWriter;

    public RequestParameterFilter(ErrorResponseWriter errorWriter) {
        this.errorWriter = errorWriter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> errors = new ArrayList<>();
        String query = request.getQueryString();
        if (query != null) {
            // The raw query string is read instead of the parameter map, which would consume a form-encoded body.
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                String problem = name == null || value == null
                        ? "must be correctly percent-encoded"
                        : TextRules.problemWith(name + value);
                if (problem != null) {
                    errors.add((name == null ? pair : name) + ": " + problem);
                }
            }
        }
        if (!errors.isEmpty()) {
            String noun = errors.size() == 1 ? "1 invalid parameter" : errors.size() + " invalid parameters";
            errorWriter.write(
                    response,
                    ErrorResponse.of(ErrorCode.VALIDATION_FAILED, "The request has " + noun + ".", errors, Map.of()),
                    ErrorCode.VALIDATION_FAILED.status());
            return;
        }
        chain.doFilter(request, response);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

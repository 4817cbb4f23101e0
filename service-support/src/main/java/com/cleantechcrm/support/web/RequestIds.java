package com.cleantechcrm.support.web;

import java.util.regex.Pattern;
import org.slf4j.MDC;

/** The request id that ties a client's request to every log line and event it causes. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    public static final String MDC_KEY = "request_id";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {}

    /** Returns the id of the request the current thread serves, or null outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** Tells whether a client-sent id may be kept: 1 to 64 letters, digits, dots, underscores, colons or dashes. */
    public static boolean isValid(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches();
    }
}

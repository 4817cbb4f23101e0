package com.cleantechcrm.gateway.ratelimit;

/** The store of the rate-limit counters could not be read or written, so no request can be counted. */
public class RateLimitStoreUnavailableException extends RuntimeException {

    public RateLimitStoreUnavailableException(Throwable cause) {
        super("The rate-limit store is unavailable: " + cause.getMessage(), cause);
    }
}

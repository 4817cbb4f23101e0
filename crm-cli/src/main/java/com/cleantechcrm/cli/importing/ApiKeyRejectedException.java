package com.cleantechcrm.cli.importing;

/** The gateway returned 401 or 403: the API key is wrong or lacks a scope, so no further row can succeed. */
public class ApiKeyRejectedException extends RuntimeException {

    public ApiKeyRejectedException(String message) {
        super(message);
    }
}

package com.cleantechcrm.cli.importing;

/** The API could not be reached at all (connection refused or failing), so the import cannot go on. */
public class ApiUnreachableException extends RuntimeException {

    public ApiUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}

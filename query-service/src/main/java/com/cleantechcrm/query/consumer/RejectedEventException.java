package com.cleantechcrm.query.consumer;

/**
 * A readable event that contradicts the envelope it came in or the events already applied, for example an
 * organisation id that differs from the lead's. Retrying cannot help, so the record goes to the dead-letter topic.
 */
public class RejectedEventException extends RuntimeException {

    public RejectedEventException(String message) {
        super(message);
    }
}

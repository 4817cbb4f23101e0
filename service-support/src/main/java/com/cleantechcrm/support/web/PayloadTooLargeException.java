package com.cleantechcrm.support.web;

import java.io.IOException;

/** A request body grew past the configured limit while it was read. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limitBytes) {
        super("The request body is larger than the limit of " + limitBytes + " bytes.");
    }
}

package com.cleantechcrm.command.lead;

import java.util.UUID;

/**
 * No lead with this id exists in the caller's organisation. A lead of another organisation raises this too, so that
 * callers cannot tell the two cases apart.
 */
public class LeadNotFoundException extends RuntimeException {

    public LeadNotFoundException(UUID leadId) {
        super("Lead " + leadId + " was not found.");
    }
}

package com.cleantechcrm.command.lead;

import java.util.UUID;

/** Another open lead of the same organisation already has the email. */
public class DuplicateLeadException extends RuntimeException {

    private final UUID existingLeadId;

    public DuplicateLeadException(UUID existingLeadId) {
        super("An open lead with this email already exists in the organisation: lead " + existingLeadId + ".");
        this.existingLeadId = existingLeadId;
    }

    public UUID existingLeadId() {
        return existingLeadId;
    }
}

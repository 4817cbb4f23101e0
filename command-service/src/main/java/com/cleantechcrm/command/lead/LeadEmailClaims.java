package com.cleantechcrm.command.lead;

import java.util.Optional;
import java.util.UUID;

/**
 * Claims on lead emails, one open lead per email and organisation. Emails are compared lowercased. Implementations
 * write in the transaction of the command that calls them, so a claim and the events of that command commit or roll
 * back together.
 */
public interface LeadEmailClaims {

    /**
     * Claims {@code email} for {@code leadId}.
     *
     * @return empty when the claim succeeded, else the id of the open lead that already has the email
     */
    Optional<UUID> claim(UUID organizationId, String email, UUID leadId);

    /** Releases the claim of {@code leadId} on {@code email}. Does nothing when the lead has no claim on it. */
    void release(UUID organizationId, String email, UUID leadId);
}

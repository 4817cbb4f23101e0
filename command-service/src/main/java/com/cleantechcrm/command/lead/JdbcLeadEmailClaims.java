package com.cleantechcrm.command.lead;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Email claims in the {@code lead_email_claim} table. The primary key on (organisation, lowercased email) makes two
 * concurrent creations with one email wait for each other: the second insert blocks until the first transaction
 * ends and then either finds the committed claim or takes the claim itself.
 */
@Component
public class JdbcLeadEmailClaims implements LeadEmailClaims {

    private static final int MAX_ATTEMPTS = 3;

    private final JdbcTemplate jdbc;

    public JdbcLeadEmailClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UUID> claim(UUID organizationId, String email, UUID leadId) {
        String normalized = normalize(email);
        // A claim released between the insert and the select leaves nothing to report, so the insert is tried again.
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            int inserted = jdbc.update(
                    "insert into lead_email_claim (organization_id, email_normalized, lead_id) values (?, ?, ?)"
                            + " on conflict (organization_id, email_normalized) do nothing",
                    organizationId,
                    normalized,
                    leadId);
            if (inserted == 1) {
                return Optional.empty();
            }
            List<UUID> holders = jdbc.queryForList(
                    "select lead_id from lead_email_claim where organization_id = ? and email_normalized = ?",
                    UUID.class,
                    organizationId,
                    normalized);
            if (!holders.isEmpty()) {
                UUID holder = holders.get(0);
                return holder.equals(leadId) ? Optional.empty() : Optional.of(holder);
            }
        }
        throw new IllegalStateException("The email claim of lead " + leadId + " in organisation " + organizationId
                + " kept changing during " + MAX_ATTEMPTS + " attempts; retry the request.");
    }

    @Override
    public void release(UUID organizationId, String email, UUID leadId) {
        jdbc.update(
                "delete from lead_email_claim where organization_id = ? and email_normalized = ? and lead_id = ?",
                organizationId,
                normalize(email),
                leadId);
    }

    private static String normalize(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}

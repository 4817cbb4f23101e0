package com.cleantechcrm.command.lead;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Email claims kept in a map, for aggregate tests that run without a database. */
class InMemoryLeadEmailClaims implements LeadEmailClaims {

    private final Map<String, UUID> claims = new HashMap<>();

    @Override
    public Optional<UUID> claim(UUID organizationId, String email, UUID leadId) {
        UUID existing = claims.putIfAbsent(key(organizationId, email), leadId);
        return Optional.ofNullable(existing).filter(id -> !id.equals(leadId));
    }

    @Override
    public void release(UUID organizationId, String email, UUID leadId) {
        claims.remove(key(organizationId, email), leadId);
    }

    boolean isClaimed(UUID organizationId, String email) {
        return claims.containsKey(key(organizationId, email));
    }

    private static String key(UUID organizationId, String email) {
        return organizationId + "/" + email.toLowerCase(Locale.ROOT);
    }
}

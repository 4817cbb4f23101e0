package com.cleantechcrm.gateway.apikey;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A stored API key. It contains the SHA-256 of the key, never the key itself. */
public record ApiKey(
        UUID id,
        UUID organizationId,
        String name,
        String prefix,
        byte[] secretHash,
        Set<String> scopes,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt) {

    public boolean isRevokedAt(Instant now) {
        return revokedAt != null && !revokedAt.isAfter(now);
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}

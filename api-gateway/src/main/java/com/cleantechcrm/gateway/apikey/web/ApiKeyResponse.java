package com.cleantechcrm.gateway.apikey.web;

import com.cleantechcrm.gateway.apikey.ApiKey;
import com.cleantechcrm.gateway.apikey.ApiKeyStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A key as the API shows it: never the key itself or its hash.
 *
 * @param lastRotatedAt when the key last got a new secret, or null if it never did
 * @param previousKeyExpiresAt until when the key that the last rotation replaced still works; null once it stopped,
 *     and for a revoked key
 */
record ApiKeyResponse(
        UUID id,
        String prefix,
        String name,
        List<String> scopes,
        ApiKeyStatus status,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastRotatedAt,
        Instant previousKeyExpiresAt) {

    static ApiKeyResponse of(ApiKey key, Instant now) {
        return new ApiKeyResponse(
                key.id(),
                key.prefix(),
                key.name(),
                key.scopes().stream().sorted().toList(),
                key.statusAt(now),
                key.createdAt(),
                key.lastUsedAt(),
                key.expiresAt(),
                key.revokedAt(),
                key.rotatedAt(),
                !key.isRevoked() && key.acceptsPreviousSecretAt(now) ? key.previousSecretExpiresAt() : null);
    }
}

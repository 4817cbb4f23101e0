package com.cleantechcrm.gateway.apikey;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A stored API key. It contains the SHA-256 of the key, never the key itself. After a rotation it also contains the
 * hash of the replaced key, which authenticates until {@code previousSecretExpiresAt}.
 */
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
        Instant revokedAt,
        Instant rotatedAt,
        byte[] previousSecretHash,
        Instant previousSecretExpiresAt) {

    /** Creates a key that was never rotated. */
    public static ApiKey unrotated(
            UUID id,
            UUID organizationId,
            String name,
            String prefix,
            byte[] secretHash,
            Set<String> scopes,
            Instant createdAt,
            Instant expiresAt) {
        return new ApiKey(
                id,
                organizationId,
                name,
                prefix,
                secretHash,
                scopes,
                createdAt,
                null,
                expiresAt,
                null,
                null,
                null,
                null);
    }

    /**
     * Returns whether the key was revoked. A revocation applies from the moment it is stored, whatever its time says,
     * so a gateway instance whose clock runs behind the one that revoked the key still rejects it.
     */
    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    /** Returns whether the key replaced by the last rotation still authenticates at {@code now}. */
    public boolean acceptsPreviousSecretAt(Instant now) {
        return previousSecretHash != null && previousSecretExpiresAt.isAfter(now);
    }

    public ApiKeyStatus statusAt(Instant now) {
        if (isRevoked()) {
            return ApiKeyStatus.REVOKED;
        }
        if (isExpiredAt(now)) {
            return ApiKeyStatus.EXPIRED;
        }
        return ApiKeyStatus.ACTIVE;
    }

    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", organizationId=" + organizationId + ", prefix=" + prefix + "]";
    }
}

package com.cleantechcrm.gateway.apikey;

import com.cleantechcrm.gateway.apikey.ApiKeyFormat.ParsedKey;
import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import com.cleantechcrm.support.web.RequestIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rotates, revokes and changes the expiry of keys within one organisation, each change with its audit event in the
 * same transaction. Every change first locks the key's row, so two changes of one key at once run one after the
 * other and the second reads what the first stored. A key of another organisation is reported as not found.
 */
@Service
public class ApiKeyChanges {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyChanges.class);

    private final ApiKeyRepository apiKeys;
    private final ApiKeyEventRepository events;
    private final ApiKeyFormat format;
    private final Clock clock;
    private final ApiKeyLookup lookup;

    public ApiKeyChanges(
            ApiKeyRepository apiKeys,
            ApiKeyEventRepository events,
            ApiKeyFormat format,
            Clock clock,
            ApiKeyLookup lookup) {
        this.apiKeys = apiKeys;
        this.events = events;
        this.format = format;
        this.clock = clock;
        this.lookup = lookup;
    }

    /** A key after a rotation, with its new key, which is shown only this once. */
    public record RotatedApiKey(ApiKey apiKey, String key) {

        @Override
        public String toString() {
            return "RotatedApiKey[id=" + apiKey.id() + "]";
        }
    }

    /**
     * Gives the key a new secret with the same id and prefix. The replaced key keeps working for {@code gracePeriod}
     * (zero stops it at once). A key still in the grace period of its previous rotation is not rotated again, so a
     * rotation never cuts off a key that clients may still use without the caller knowing.
     *
     * @throws ApiException NOT_FOUND for an unknown key, CONFLICT for a revoked or expired key or one still in a
     *     grace period
     */
    @Transactional
    public RotatedApiKey rotate(UUID organizationId, UUID keyId, Duration gracePeriod, ApiKeyActor actor) {
        ApiKey key = lock(organizationId, keyId);
        Instant now = now();
        rejectUnlessActive(key, now, "rotated");
        if (key.acceptsPreviousSecretAt(now)) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "API key " + keyId + " is still in the grace period of its last rotation, until "
                            + key.previousSecretExpiresAt() + "; rotate it again after that time.");
        }

        ParsedKey generated = format.generateWithPrefix(key.prefix());
        Instant previousSecretExpiresAt = now.plus(gracePeriod);
        apiKeys.replaceSecret(
                keyId, ApiKeyHashes.sha256(generated.key()), now, key.secretHash(), previousSecretExpiresAt);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("grace_period_seconds", gracePeriod.toSeconds());
        details.put("previous_secret_expires_at", previousSecretExpiresAt.toString());
        events.insert(key, ApiKeyEventType.ROTATED, actor, now, RequestIds.current(), details);
        log.info(
                "Rotated API key {} of organization {}; the replaced key works until {}.",
                keyId,
                organizationId,
                previousSecretExpiresAt);
        return new RotatedApiKey(reload(key), generated.key());
    }

    /**
     * Revokes the key from now on. Revoking a revoked key changes nothing and records no second event.
     *
     * @throws ApiException NOT_FOUND for an unknown key
     */
    @Transactional
    public ApiKey revoke(UUID organizationId, UUID keyId, String reason, ApiKeyActor actor) {
        ApiKey key = lock(organizationId, keyId);
        if (key.revokedAt() != null) {
            return key;
        }
        Instant now = now();
        apiKeys.revoke(keyId, now);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        events.insert(key, ApiKeyEventType.REVOKED, actor, now, RequestIds.current(), details);
        log.info("Revoked API key {} of organization {}.", keyId, organizationId);
        return reload(key);
    }

    /**
     * Sets when the key stops working, or with null makes it never expire. Setting the current value again records
     * no event.
     *
     * @param expiresAt a time in the future, or null
     * @throws ApiException NOT_FOUND for an unknown key, CONFLICT for a revoked key
     */
    @Transactional
    public ApiKey changeExpiry(UUID organizationId, UUID keyId, Instant expiresAt, ApiKeyActor actor) {
        ApiKey key = lock(organizationId, keyId);
        Instant now = now();
        if (key.revokedAt() != null) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "API key " + keyId + " was revoked at " + key.revokedAt() + "; its expiry cannot change.");
        }
        Instant storedExpiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS);
        if (Objects.equals(storedExpiresAt, key.expiresAt())) {
            return key;
        }
        apiKeys.updateExpiresAt(keyId, storedExpiresAt);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put(
                "previous_expires_at",
                key.expiresAt() == null ? null : key.expiresAt().toString());
        details.put("expires_at", storedExpiresAt == null ? null : storedExpiresAt.toString());
        events.insert(key, ApiKeyEventType.EXPIRY_CHANGED, actor, now, RequestIds.current(), details);
        log.info("Changed the expiry of API key {} of organization {} to {}.", keyId, organizationId, storedExpiresAt);
        return reload(key);
    }

    /**
     * Locks the key's row and, once the change commits, drops the key from this instance's lookup cache, so that this
     * gateway applies the change to the next request. Other instances apply it when their cached entry expires.
     */
    private ApiKey lock(UUID organizationId, UUID keyId) {
        ApiKey key = apiKeys.lockInOrganization(organizationId, keyId).orElseThrow(() -> notFound(keyId));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                lookup.evict(key.prefix());
            }
        });
        return key;
    }

    private ApiKey reload(ApiKey key) {
        return apiKeys.findById(key.id()).orElseThrow(() -> notFound(key.id()));
    }

    private static void rejectUnlessActive(ApiKey key, Instant now, String change) {
        switch (key.statusAt(now)) {
            case REVOKED ->
                throw new ApiException(
                        ErrorCode.CONFLICT,
                        "API key " + key.id() + " was revoked at " + key.revokedAt() + " and cannot be " + change
                                + ".");
            case EXPIRED ->
                throw new ApiException(
                        ErrorCode.CONFLICT,
                        "API key " + key.id() + " expired at " + key.expiresAt() + " and cannot be " + change
                                + "; set a later expiry first.");
            case ACTIVE -> {}
        }
    }

    /** Returns the error for a key that does not exist or belongs to another organisation. */
    public static ApiException notFound(UUID keyId) {
        return new ApiException(ErrorCode.NOT_FOUND, "No API key with id " + keyId + " exists.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

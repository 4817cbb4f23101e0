package com.cleantechcrm.gateway.apikey;

import com.cleantechcrm.gateway.apikey.ApiKeyCheck.Accepted;
import com.cleantechcrm.gateway.apikey.ApiKeyCheck.Rejected;
import com.cleantechcrm.gateway.apikey.ApiKeyCheck.RejectionReason;
import com.cleantechcrm.gateway.apikey.ApiKeyFormat.ParsedKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks a key that a client presented: the format, the stored hash found by the key's prefix through the short-lived
 * {@link ApiKeyLookup} (or, during the grace period of a rotation, the hash of the replaced key), revocation and
 * expiry. Rejections are counted in the {@code crm.gateway.api_key.rejections} metric by reason.
 */
@Component
public class ApiKeyAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticator.class);

    private final ApiKeyLookup lookup;
    private final ApiKeyUsageRecorder usageRecorder;
    private final Clock clock;
    private final Map<RejectionReason, Counter> rejectionCounters = new EnumMap<>(RejectionReason.class);

    public ApiKeyAuthenticator(
            ApiKeyLookup lookup, ApiKeyUsageRecorder usageRecorder, Clock clock, MeterRegistry meterRegistry) {
        this.lookup = lookup;
        this.usageRecorder = usageRecorder;
        this.clock = clock;
        for (RejectionReason reason : RejectionReason.values()) {
            rejectionCounters.put(
                    reason,
                    Counter.builder("crm.gateway.api_key.rejections")
                            .description("API keys rejected by the gateway, by reason")
                            .tag("reason", reason.name().toLowerCase())
                            .register(meterRegistry));
        }
    }

    public ApiKeyCheck authenticate(String presentedKey) {
        Optional<ParsedKey> parsed = ApiKeyFormat.parse(presentedKey);
        if (parsed.isEmpty()) {
            return reject(RejectionReason.MALFORMED, null);
        }

        String prefix = parsed.get().prefix();
        byte[] presentedHash = ApiKeyHashes.sha256(parsed.get().key());
        Optional<ApiKey> stored = lookup.findByPrefix(prefix);
        if (stored.isPresent() && !matchesAnySecret(stored.get(), presentedHash)) {
            // The cached key may predate a rotation that gave it this secret, so the database decides.
            stored = lookup.findFreshByPrefix(prefix);
        }
        if (stored.isEmpty()) {
            return reject(RejectionReason.UNKNOWN, null);
        }
        ApiKey key = stored.get();

        Instant now = clock.instant();
        boolean matchesCurrent = ApiKeyHashes.matches(key.secretHash(), presentedHash);
        if (!matchesAnySecret(key, presentedHash)) {
            return reject(RejectionReason.WRONG_SECRET, key);
        }
        if (!matchesCurrent && !key.acceptsPreviousSecretAt(now)) {
            return reject(RejectionReason.REPLACED_SECRET, key);
        }
        if (key.isRevoked()) {
            return reject(RejectionReason.REVOKED, key);
        }
        if (key.isExpiredAt(now)) {
            return reject(RejectionReason.EXPIRED, key);
        }

        usageRecorder.recordUse(key, now);
        return new Accepted(new AuthenticatedKey(key.id(), key.organizationId(), key.scopes()));
    }

    /** Counts a request that presented no key, or a header of another scheme than Bearer, and returns its rejection. */
    public Rejected rejectWithoutKey(RejectionReason reason) {
        return reject(reason, null);
    }

    private static boolean matchesAnySecret(ApiKey key, byte[] presentedHash) {
        return ApiKeyHashes.matches(key.secretHash(), presentedHash)
                || (key.previousSecretHash() != null && ApiKeyHashes.matches(key.previousSecretHash(), presentedHash));
    }

    private Rejected reject(RejectionReason reason, ApiKey key) {
        rejectionCounters.get(reason).increment();
        if (key != null) {
            log.debug("Rejected API key {} of organization {}: {}.", key.id(), key.organizationId(), reason);
        } else {
            log.debug("Rejected an API key: {}.", reason);
        }
        return new Rejected(reason);
    }
}

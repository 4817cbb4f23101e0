package com.cleantechcrm.gateway.apikey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Finds stored keys by prefix and keeps each result, a found key or none, for a short time, so that a busy key does
 * not cost a database query on every request. The time stays below one second, so a revocation or a new key takes
 * effect within a second on every gateway instance.
 */
@Component
public class ApiKeyLookup {

    static final Duration MAX_TIME_TO_LIVE = Duration.ofSeconds(1);

    /** Bounds the memory that requests with made-up prefixes can fill. */
    private static final int MAX_ENTRIES = 10_000;

    private final ApiKeyRepository repository;
    private final Cache<String, Optional<ApiKey>> byPrefix;

    public ApiKeyLookup(
            ApiKeyRepository repository, @Value("${crm.gateway.api-key-cache-ttl:500ms}") Duration timeToLive) {
        if (timeToLive.isNegative() || timeToLive.compareTo(MAX_TIME_TO_LIVE) >= 0) {
            throw new IllegalArgumentException("crm.gateway.api-key-cache-ttl is " + timeToLive
                    + " but must be between 0 and 1 s, so that a revoked key stops working within a second.");
        }
        this.repository = repository;
        this.byPrefix = Caffeine.newBuilder()
                .expireAfterWrite(timeToLive)
                .maximumSize(MAX_ENTRIES)
                .build();
    }

    public Optional<ApiKey> findByPrefix(String prefix) {
        Optional<ApiKey> cached = byPrefix.getIfPresent(prefix);
        if (cached != null) {
            return cached;
        }
        // Read outside the cache's own computation, which would make concurrent requests for one prefix wait in line:
        // while the database is down, each of them would wait out the whole connection timeout after the one before.
        return findFreshByPrefix(prefix);
    }

    /** Drops the cached result for a prefix, so that the next lookup reads the database. */
    public void evict(String prefix) {
        byPrefix.invalidate(prefix);
    }

    /**
     * Reads the key from the database, bypassing and then replacing the cached result. A rotation keeps the prefix and
     * changes the hash, so a cached key can reject its new secret until this is called.
     */
    public Optional<ApiKey> findFreshByPrefix(String prefix) {
        Optional<ApiKey> stored = repository.findByPrefix(prefix);
        byPrefix.put(prefix, stored);
        return stored;
    }
}

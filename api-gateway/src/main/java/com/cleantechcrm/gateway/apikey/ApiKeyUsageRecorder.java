package com.cleantechcrm.gateway.apikey;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Updates {@code api_key.last_used_at} at most once per {@link #UPDATE_INTERVAL} per key and gateway instance, so
 * that a busy key does not cost a database write on every request.
 */
@Component
public class ApiKeyUsageRecorder {

    static final Duration UPDATE_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(ApiKeyUsageRecorder.class);

    private final ApiKeyRepository repository;

    // One entry per key used since start; the number of keys bounds its size.
    private final Map<UUID, Instant> lastWrittenByKeyId = new ConcurrentHashMap<>();

    public ApiKeyUsageRecorder(ApiKeyRepository repository) {
        this.repository = repository;
    }

    public void recordUse(ApiKey key, Instant now) {
        if (key.lastUsedAt() != null && isRecent(key.lastUsedAt(), now)) {
            return;
        }

        Instant previous = lastWrittenByKeyId.get(key.id());
        if (previous != null && isRecent(previous, now)) {
            return;
        }
        boolean claimed = previous == null
                ? lastWrittenByKeyId.putIfAbsent(key.id(), now) == null
                : lastWrittenByKeyId.replace(key.id(), previous, now);
        if (!claimed) {
            return;
        }

        try {
            repository.updateLastUsedAt(key.id(), now);
        } catch (DataAccessException e) {
            log.warn("Failed to update the last use time of API key {}; the request goes on.", key.id(), e);
        }
    }

    private static boolean isRecent(Instant time, Instant now) {
        return Duration.between(time, now).compareTo(UPDATE_INTERVAL) < 0;
    }
}

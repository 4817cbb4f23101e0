package com.cleantechcrm.query.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps each organisation's growth statistics per period for a short time. A cached result is used only while no
 * event of the organisation has been applied in this instance since it was computed. It also expires after the time
 * to live, because the period start moves with the clock and another instance may apply the organisation's events.
 */
@Component
class GrowthStatisticsCache {

    private record Key(UUID organizationId, int periodDays) {}

    private record Entry(long version, GrowthStatistics statistics) {}

    /** Bounds the memory: one entry per organisation and period requested recently. */
    private static final int MAX_ENTRIES = 10_000;

    private final StatisticsVersions versions;
    private final Cache<Key, Entry> entries;

    GrowthStatisticsCache(
            StatisticsVersions versions, @Value("${crm.stats.growth-cache-ttl:250ms}") Duration timeToLive) {
        this.versions = versions;
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(timeToLive)
                .maximumSize(MAX_ENTRIES)
                .build();
    }

    GrowthStatistics get(UUID organizationId, int periodDays, Supplier<GrowthStatistics> compute) {
        Key key = new Key(organizationId, periodDays);
        // The version is read before the statistics, so a change committed in between makes the entry out of date.
        long version = versions.current(organizationId);
        Entry cached = entries.getIfPresent(key);
        if (cached != null && cached.version() == version) {
            return cached.statistics();
        }
        GrowthStatistics statistics = compute.get();
        entries.put(key, new Entry(version, statistics));
        return statistics;
    }
}

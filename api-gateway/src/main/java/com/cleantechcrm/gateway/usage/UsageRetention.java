package com.cleantechcrm.gateway.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Deletes usage rows older than {@code crm.usage.retention} every {@code crm.usage.cleanup-interval}, in chunks of
 * {@link #DEFAULT_CHUNK_ROWS} rows. Every gateway instance runs it; concurrent runs only find fewer rows to delete.
 */
public class UsageRetention implements SchedulingConfigurer {

    static final int DEFAULT_CHUNK_ROWS = 10_000;

    /** Lets the application finish starting before the first cleanup. */
    private static final Duration FIRST_CLEANUP_DELAY = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(UsageRetention.class);

    private final UsageRepository repository;
    private final Duration retention;
    private final Duration cleanupInterval;
    private final Clock clock;
    private final int chunkRows;

    public UsageRetention(UsageRepository repository, Duration retention, Duration cleanupInterval, Clock clock) {
        this(repository, retention, cleanupInterval, clock, DEFAULT_CHUNK_ROWS);
    }

    UsageRetention(
            UsageRepository repository, Duration retention, Duration cleanupInterval, Clock clock, int chunkRows) {
        this.repository = repository;
        this.retention = retention;
        this.cleanupInterval = cleanupInterval;
        this.clock = clock;
        this.chunkRows = chunkRows;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::deleteExpired, cleanupInterval, FIRST_CLEANUP_DELAY));
    }

    /** Deletes every row received before now minus the retention and returns how many it deleted. */
    public long deleteExpired() {
        Instant cutoff = clock.instant().minus(retention);
        long total = 0;
        try {
            int deleted;
            do {
                deleted = repository.deleteReceivedBefore(cutoff, chunkRows);
                total += deleted;
            } while (deleted == chunkRows);
        } catch (DataAccessException e) {
            log.warn(
                    "Failed to delete usage rows received before {} after deleting {}; the next run retries.",
                    cutoff,
                    total,
                    e);
            return total;
        }
        if (total > 0) {
            log.info("Deleted {} usage rows received before {} (retention {}).", total, cutoff, retention);
        }
        return total;
    }
}

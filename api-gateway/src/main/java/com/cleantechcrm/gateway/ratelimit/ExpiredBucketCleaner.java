package com.cleantechcrm.gateway.ratelimit;

import io.github.bucket4j.BucketExceptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes bucket rows whose quotas are full again, such as those of keys that are no longer used or of limits that
 * changed. Deleting them loses nothing: a missing bucket starts full, the same as the deleted one.
 */
public class ExpiredBucketCleaner {

    private static final Logger log = LoggerFactory.getLogger(ExpiredBucketCleaner.class);
    private static final int BATCH_SIZE = 1000;

    private final BucketRateLimiter limiter;

    public ExpiredBucketCleaner(BucketRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Scheduled(
            initialDelayString = "${crm.rate-limits.cleanup-interval:10m}",
            fixedDelayString = "${crm.rate-limits.cleanup-interval:10m}")
    public void removeExpiredBuckets() {
        try {
            int total = 0;
            int removed;
            do {
                removed = limiter.removeExpired(BATCH_SIZE);
                total += removed;
            } while (removed == BATCH_SIZE);
            if (total > 0) {
                log.info("Removed {} rate-limit buckets whose quotas were full again.", total);
            }
        } catch (BucketExceptions.BucketExecutionException e) {
            log.warn("Failed to remove expired rate-limit buckets; the next run tries again.", e);
        }
    }
}

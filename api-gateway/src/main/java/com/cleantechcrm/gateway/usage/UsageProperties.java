package com.cleantechcrm.gateway.usage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of usage recording ({@code crm.usage.*}).
 *
 * @param bufferCapacity requests held in memory before they are written; when full, new requests are dropped
 * @param batchSize requests written in one JDBC batch; a full batch is written at once, without waiting for the flush
 *     interval
 * @param flushInterval the longest time a buffered request waits before it is written
 * @param retention how long usage rows are kept
 * @param cleanupInterval the time between two deletions of rows older than the retention
 */
@ConfigurationProperties("crm.usage")
@Validated
public record UsageProperties(
        @DefaultValue("10000") @Positive @Max(1_000_000) int bufferCapacity,
        @DefaultValue("500") @Positive @Max(10_000) int batchSize,
        @DefaultValue("1s") @NotNull Duration flushInterval,
        @DefaultValue("90d") @NotNull Duration retention,
        @DefaultValue("1h") @NotNull Duration cleanupInterval) {

    /** The shortest interval accepted, because the writer and the cleanup schedule in whole milliseconds. */
    private static final Duration MIN_INTERVAL = Duration.ofMillis(1);

    public UsageProperties {
        requireAtLeastOneMillisecond("crm.usage.flush-interval", flushInterval);
        requireAtLeastOneMillisecond("crm.usage.retention", retention);
        requireAtLeastOneMillisecond("crm.usage.cleanup-interval", cleanupInterval);
    }

    private static void requireAtLeastOneMillisecond(String name, Duration value) {
        if (value != null && value.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException(
                    name + " must be a duration of at least 1ms, such as 1s or 90d, not " + value);
        }
    }
}

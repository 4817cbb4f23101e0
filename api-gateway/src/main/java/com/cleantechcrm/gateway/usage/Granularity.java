package com.cleantechcrm.gateway.usage;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/**
 * The size of the time buckets of a usage report. Buckets are aligned to UTC hours or UTC days.
 *
 * @param defaultRange the range a report covers when the request names no {@code from}
 * @param maxRange the longest range a report may cover, which keeps the number of buckets small
 */
enum Granularity {
    HOUR("hour", ChronoUnit.HOURS, Duration.ofHours(24), Duration.ofDays(7)),
    DAY("day", ChronoUnit.DAYS, Duration.ofDays(30), Duration.ofDays(366));

    private final String parameterValue;
    private final ChronoUnit unit;
    private final Duration defaultRange;
    private final Duration maxRange;

    Granularity(String parameterValue, ChronoUnit unit, Duration defaultRange, Duration maxRange) {
        this.parameterValue = parameterValue;
        this.unit = unit;
        this.defaultRange = defaultRange;
        this.maxRange = maxRange;
    }

    static Optional<Granularity> fromParameter(String value) {
        return Arrays.stream(values())
                .filter(granularity -> granularity.parameterValue.equals(value))
                .findFirst();
    }

    /** Returns the name in the {@code granularity} parameter, which is also PostgreSQL's {@code date_trunc} field. */
    @JsonValue
    String parameterValue() {
        return parameterValue;
    }

    Duration bucketSize() {
        return unit.getDuration();
    }

    Duration defaultRange() {
        return defaultRange;
    }

    Duration maxRange() {
        return maxRange;
    }

    /** Returns the start of the UTC bucket that contains {@code instant}. */
    Instant bucketStart(Instant instant) {
        return instant.truncatedTo(unit);
    }

    /** Returns {@code instant} when it starts a bucket, otherwise the start of the next bucket. */
    Instant bucketEndCovering(Instant instant) {
        Instant start = bucketStart(instant);
        return start.equals(instant) ? start : start.plus(bucketSize());
    }
}

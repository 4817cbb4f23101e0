package com.cleantechcrm.query.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Counts consumed lead events by outcome, as the Micrometer counter {@code crm.query.events{outcome}}, and times the
 * projection lag of each applied event, from the time it was stored on the command side to the commit of its read
 * model changes, as the timer {@code crm.query.projection.lag} with histogram buckets.
 */
@Component
public class EventOutcomeMetrics {

    private final Counter applied;
    private final Counter skipped;
    private final Counter deadLettered;
    private final Timer projectionLag;
    private final Clock clock = Clock.systemUTC();

    EventOutcomeMetrics(MeterRegistry registry) {
        this.applied = counter(registry, "applied", "Events applied to the read models");
        this.skipped = counter(registry, "skipped", "Events skipped because they were applied before");
        this.deadLettered = counter(registry, "dead_lettered", "Records sent to the dead-letter topic");
        this.projectionLag = Timer.builder("crm.query.projection.lag")
                .description("Time from storing an event to committing its read model changes")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String outcome, String description) {
        return Counter.builder("crm.query.events")
                .tag("outcome", outcome)
                .description(description)
                .register(registry);
    }

    void record(LeadEventApplier.Outcome outcome) {
        if (outcome == LeadEventApplier.Outcome.APPLIED) {
            applied.increment();
        } else {
            skipped.increment();
        }
    }

    /** Records the lag of an event stored at {@code occurredAt} whose changes committed just now. */
    void recordProjectionLag(Instant occurredAt) {
        // The clocks of the two services can differ a little, so a negative lag is recorded as zero.
        Duration lag = Duration.between(occurredAt, clock.instant());
        projectionLag.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    void recordDeadLettered() {
        deadLettered.increment();
    }

    /** Returns the counts since the service started. */
    public Snapshot snapshot() {
        return new Snapshot((long) applied.count(), (long) skipped.count(), (long) deadLettered.count());
    }

    /** Event counts at one instant. */
    public record Snapshot(long applied, long skipped, long deadLettered) {

        public Snapshot minus(Snapshot earlier) {
            return new Snapshot(
                    applied - earlier.applied, skipped - earlier.skipped, deadLettered - earlier.deadLettered);
        }
    }
}

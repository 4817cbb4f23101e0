package com.cleantechcrm.query.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counts consumed lead events by outcome, as the Micrometer counter {@code crm.query.events{outcome}}. */
@Component
public class EventOutcomeMetrics {

    private final Counter applied;
    private final Counter skipped;
    private final Counter deadLettered;

    EventOutcomeMetrics(MeterRegistry registry) {
        this.applied = counter(registry, "applied", "Events applied to the read models");
        this.skipped = counter(registry, "skipped", "Events skipped because they were applied before");
        this.deadLettered = counter(registry, "dead_lettered", "Records sent to the dead-letter topic");
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

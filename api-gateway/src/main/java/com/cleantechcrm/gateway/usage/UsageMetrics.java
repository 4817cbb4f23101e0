package com.cleantechcrm.gateway.usage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The meters of usage recording, named once so that the buffer and the writer count into the same series. */
final class UsageMetrics {

    static final String DROPPED_RECORDS = "crm.gateway.usage.records.dropped";
    static final String WRITTEN_RECORDS = "crm.gateway.usage.records.written";

    private UsageMetrics() {}

    /** Returns the counter of records lost for {@code reason}: {@code buffer_full} or {@code write_failed}. */
    static Counter droppedRecords(MeterRegistry registry, String reason) {
        return Counter.builder(DROPPED_RECORDS)
                .description("Usage records that were never stored, by reason")
                .tag("reason", reason)
                .register(registry);
    }

    static Counter writtenRecords(MeterRegistry registry) {
        return Counter.builder(WRITTEN_RECORDS)
                .description("Usage records stored in the database")
                .register(registry);
    }
}

package com.cleantechcrm.benchmark;

import java.time.Duration;
import java.util.List;

/**
 * How long and how often each part runs. The full plan takes about 15 minutes on a 2-core machine; the quick plan is a
 * smoke check of every part in about two minutes, and its figures mean little.
 */
record Plan(
        String name,
        int repetitions,
        List<Integer> concurrencies,
        Duration closedLoopDuration,
        Duration openLoopDuration,
        Duration openLoopDrain,
        int maxInFlight,
        double writeRate,
        double growthRate,
        double mixedRate,
        int lagProbes,
        int pgbenchSeconds,
        long kafkaRecords,
        long rebuildEvents,
        Duration rebuildLimit) {

    static final Plan FULL = new Plan(
            "full",
            3,
            List.of(1, 8, 32),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            500,
            1500,
            2000,
            300,
            2,
            5,
            100_000,
            1_000_000,
            Duration.ofMinutes(4));

    static final Plan QUICK = new Plan(
            "quick",
            1,
            List.of(1, 8),
            Duration.ofSeconds(3),
            Duration.ofSeconds(3),
            Duration.ofSeconds(5),
            200,
            100,
            200,
            50,
            1,
            2,
            20_000,
            20_000,
            Duration.ofSeconds(60));
}

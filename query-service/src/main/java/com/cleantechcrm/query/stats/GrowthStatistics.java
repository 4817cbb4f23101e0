package com.cleantechcrm.query.stats;

import java.math.BigDecimal;
import java.time.Instant;

/** The body of {@code GET /leads/stats/growth}. */
record GrowthStatistics(
        PipelineValue pipelineValue,
        ConversionRates conversionRates,
        RegulatoryCompliance regulatoryCompliance,
        int periodDays,
        Instant asOf) {

    /** {@code growthRate} is null when the pipeline was empty at the period start. */
    record PipelineValue(BigDecimal current, Double growthRate) {}

    record ConversionRates(double mqlToSql, double sqlToWon) {}

    record RegulatoryCompliance(long pending, long approved, long rejected) {}
}

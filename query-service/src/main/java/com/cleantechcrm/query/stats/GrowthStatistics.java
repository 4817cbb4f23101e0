package com.cleantechcrm.query.stats;

import java.math.BigDecimal;

/**
 * The body of {@code GET /leads/stats/growth}. It carries no timestamp, so two reads of unchanged statistics return
 * equal bodies.
 */
record GrowthStatistics(
        PipelineValue pipelineValue,
        ConversionRates conversionRates,
        RegulatoryCompliance regulatoryCompliance,
        int periodDays) {

    /** {@code growthRate} is null when the pipeline was empty at the period start. */
    record PipelineValue(BigDecimal current, Double growthRate) {}

    record ConversionRates(double mqlToSql, double sqlToWon) {}

    record RegulatoryCompliance(long pending, long approved, long rejected) {}
}

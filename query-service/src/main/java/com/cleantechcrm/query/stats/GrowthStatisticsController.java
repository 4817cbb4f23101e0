package com.cleantechcrm.query.stats;

import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import com.cleantechcrm.support.security.Caller;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /leads/stats/growth}: pipeline value and its growth over {@code period_days}, conversion rates and
 * compliance counts of the caller's organisation. It reads one row of {@code stats_organization} and an index range
 * of {@code stats_pipeline_change}, never the leads themselves, and keeps the result briefly in the
 * {@link GrowthStatisticsCache}.
 */
@RestController
class GrowthStatisticsController {

    static final int DEFAULT_PERIOD_DAYS = 30;
    static final int MAX_PERIOD_DAYS = 3650;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final GrowthStatisticsCache cache;

    GrowthStatisticsController(JdbcClient jdbc, Clock clock, GrowthStatisticsCache cache) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cache = cache;
    }

    @GetMapping("/leads/stats/growth")
    GrowthStatistics growth(Caller caller, @RequestParam(name = "period_days", required = false) String periodDays) {
        int days = parsePeriodDays(periodDays);
        UUID organizationId = caller.organizationId();
        return cache.get(organizationId, days, () -> compute(organizationId, days));
    }

    private GrowthStatistics compute(UUID organizationId, int days) {
        Instant periodStart = clock.instant().minus(Duration.ofDays(days));

        OrganizationTotals totals = jdbc.sql("""
                        select pipeline_value, reached_mql, reached_sql, reached_won,
                               compliance_pending, compliance_approved, compliance_rejected
                          from stats_organization
                         where organization_id = ?
                        """)
                .param(organizationId)
                .query((rs, row) -> new OrganizationTotals(
                        rs.getBigDecimal("pipeline_value"),
                        rs.getLong("reached_mql"),
                        rs.getLong("reached_sql"),
                        rs.getLong("reached_won"),
                        rs.getLong("compliance_pending"),
                        rs.getLong("compliance_approved"),
                        rs.getLong("compliance_rejected")))
                .optional()
                .orElse(OrganizationTotals.EMPTY);

        // The pipeline value at the period start is the current value minus every change after the start.
        BigDecimal changedSinceStart = jdbc.sql("select coalesce(sum(delta), 0) from stats_pipeline_change"
                        + " where organization_id = ? and occurred_at > ?")
                .params(organizationId, Timestamp.from(periodStart))
                .query(BigDecimal.class)
                .single();
        BigDecimal atStart = totals.pipelineValue().subtract(changedSinceStart);

        return new GrowthStatistics(
                new GrowthStatistics.PipelineValue(totals.pipelineValue(), growthRate(totals.pipelineValue(), atStart)),
                new GrowthStatistics.ConversionRates(
                        ratio(totals.reachedSql(), totals.reachedMql()),
                        ratio(totals.reachedWon(), totals.reachedSql())),
                new GrowthStatistics.RegulatoryCompliance(totals.pending(), totals.approved(), totals.rejected()),
                days);
    }

    private static int parsePeriodDays(String value) {
        if (value == null) {
            return DEFAULT_PERIOD_DAYS;
        }
        try {
            int days = Integer.parseInt(value);
            if (days >= 1 && days <= MAX_PERIOD_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // Reported below with the same message as a value out of range.
        }
        throw new ApiException(ErrorCode.VALIDATION_FAILED, "The request has 1 invalid query parameter.")
                .withValidationErrors(List.of("period_days: must be an integer between 1 and " + MAX_PERIOD_DAYS));
    }

    /** Returns {@code (current - start) / start}, or null when the start is 0 and no rate exists. */
    static Double growthRate(BigDecimal current, BigDecimal start) {
        if (start.signum() == 0) {
            return null;
        }
        return current.subtract(start).divide(start, MathContext.DECIMAL64).doubleValue();
    }

    /** Returns {@code part / whole}, or 0 when {@code whole} is 0. */
    static double ratio(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    private record OrganizationTotals(
            BigDecimal pipelineValue,
            long reachedMql,
            long reachedSql,
            long reachedWon,
            long pending,
            long approved,
            long rejected) {

        static final OrganizationTotals EMPTY = new OrganizationTotals(BigDecimal.ZERO, 0, 0, 0, 0, 0, 0);
    }
}

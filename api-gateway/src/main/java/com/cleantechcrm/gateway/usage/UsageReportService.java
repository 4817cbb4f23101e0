package com.cleantechcrm.gateway.usage;

import com.cleantechcrm.gateway.usage.UsageReport.Bucket;
import com.cleantechcrm.gateway.usage.UsageReport.EndpointRequests;
import com.cleantechcrm.gateway.usage.UsageReport.KeyRequests;
import com.cleantechcrm.gateway.usage.UsageReport.Latency;
import com.cleantechcrm.gateway.usage.UsageReport.StatusClasses;
import com.cleantechcrm.gateway.usage.UsageReport.Summary;
import com.cleantechcrm.gateway.usage.UsageReportRepository.EndpointRow;
import com.cleantechcrm.gateway.usage.UsageReportRepository.KeyRow;
import com.cleantechcrm.gateway.usage.UsageReportRepository.TotalsRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Builds the usage report of one organisation from the three aggregations of {@link UsageReportRepository}. */
@Service
class UsageReportService {

    /** Stands for the whole range in the maps below, where the repository returns a null bucket. */
    private static final Instant TOTAL = Instant.MIN;

    private static final TotalsRow NO_REQUESTS = new TotalsRow(null, 0, 0, 0, 0, 0, null, null);

    private final UsageReportRepository repository;

    UsageReportService(UsageReportRepository repository) {
        this.repository = repository;
    }

    /**
     * Builds the report. The three queries run in one repeatable-read transaction, so they see the same rows even
     * while new batches are written, and the per-key and per-endpoint counts add up to the totals.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public UsageReport report(UUID organizationId, UsageQuery query) {
        Map<Instant, TotalsRow> totals = new HashMap<>();
        for (TotalsRow row : repository.totals(organizationId, query)) {
            totals.put(keyOf(row.bucket()), row);
        }
        Map<Instant, List<KeyRequests>> keys = new HashMap<>();
        for (KeyRow row : repository.byKey(organizationId, query)) {
            keys.computeIfAbsent(keyOf(row.bucket()), bucket -> new ArrayList<>())
                    .add(new KeyRequests(row.apiKeyId(), row.name(), row.requests()));
        }
        Map<Instant, List<EndpointRequests>> endpoints = new HashMap<>();
        for (EndpointRow row : repository.byEndpoint(organizationId, query)) {
            endpoints
                    .computeIfAbsent(keyOf(row.bucket()), bucket -> new ArrayList<>())
                    .add(new EndpointRequests(row.httpMethod(), row.route(), row.requests()));
        }

        List<Bucket> buckets = new ArrayList<>();
        for (Instant start : query.bucketStarts()) {
            Summary summary = summary(totals.get(start), keys.get(start), endpoints.get(start));
            buckets.add(new Bucket(start, start.plus(query.granularity().bucketSize()), summary));
        }
        Summary total = summary(totals.get(TOTAL), keys.get(TOTAL), endpoints.get(TOTAL));
        return new UsageReport(organizationId, query.from(), query.to(), query.granularity(), total, buckets);
    }

    private static Instant keyOf(Instant bucket) {
        return bucket == null ? TOTAL : bucket;
    }

    private static Summary summary(
            TotalsRow totalsRow, List<KeyRequests> keyRequests, List<EndpointRequests> endpointRequests) {
        TotalsRow row = Optional.ofNullable(totalsRow).orElse(NO_REQUESTS);
        return new Summary(
                row.requests(),
                new StatusClasses(row.status2xx(), row.status3xx(), row.status4xx(), row.status5xx()),
                share(row.status4xx() + row.status5xx(), row.requests()),
                share(row.status5xx(), row.requests()),
                new Latency(row.p50(), row.p95()),
                keyRequests == null ? List.of() : List.copyOf(keyRequests),
                endpointRequests == null ? List.of() : List.copyOf(endpointRequests));
    }

    /** Returns {@code part / whole}, or null when there is no request to take a share of. */
    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}

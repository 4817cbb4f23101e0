package com.cleantechcrm.query.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class GrowthStatisticsCacheTest {

    private final StatisticsVersions versions = new StatisticsVersions();
    private final UUID organizationId = UUID.randomUUID();
    private final AtomicInteger computations = new AtomicInteger();
    private final Supplier<GrowthStatistics> compute = () -> statistics(computations.incrementAndGet());

    @Test
    void reusesResultWhileNothingChanged() {
        GrowthStatisticsCache cache = new GrowthStatisticsCache(versions, Duration.ofMinutes(1));

        GrowthStatistics first = cache.get(organizationId, 30, compute);
        GrowthStatistics second = cache.get(organizationId, 30, compute);

        assertThat(second).isEqualTo(first);
        assertThat(computations).hasValue(1);
    }

    @Test
    void recomputesAfterChangeOfOrganization() {
        GrowthStatisticsCache cache = new GrowthStatisticsCache(versions, Duration.ofMinutes(1));
        cache.get(organizationId, 30, compute);

        versions.changeAfterCommit(organizationId);
        GrowthStatistics after = cache.get(organizationId, 30, compute);

        assertThat(after.pipelineValue().current()).isEqualTo(BigDecimal.valueOf(2));
        assertThat(computations).hasValue(2);
    }

    @Test
    void keepsOrganizationsAndPeriodsApart() {
        GrowthStatisticsCache cache = new GrowthStatisticsCache(versions, Duration.ofMinutes(1));
        cache.get(organizationId, 30, compute);

        cache.get(organizationId, 7, compute);
        cache.get(UUID.randomUUID(), 30, compute);
        versions.changeAfterCommit(UUID.randomUUID());
        cache.get(organizationId, 30, compute);

        assertThat(computations).hasValue(3);
    }

    @Test
    void recomputesAfterTimeToLive() throws InterruptedException {
        GrowthStatisticsCache cache = new GrowthStatisticsCache(versions, Duration.ofMillis(50));
        cache.get(organizationId, 30, compute);

        Thread.sleep(150);
        cache.get(organizationId, 30, compute);

        assertThat(computations).hasValue(2);
    }

    private static GrowthStatistics statistics(int pipelineValue) {
        return new GrowthStatistics(
                new GrowthStatistics.PipelineValue(BigDecimal.valueOf(pipelineValue), null),
                new GrowthStatistics.ConversionRates(0, 0),
                new GrowthStatistics.RegulatoryCompliance(0, 0, 0),
                30);
    }
}

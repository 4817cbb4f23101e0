package com.cleantechcrm.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** What the writer does when PostgreSQL refuses the connection: a database that does not exist. */
class UsageBatchWriterTest {

    private static UsageRecord record() {
        return new UsageRecord(Instant.now(), UUID.randomUUID(), UUID.randomUUID(), "GET", "/leads", 200, 3);
    }

    private static String missingDatabaseUrl() {
        String host = System.getenv().getOrDefault("CRM_TEST_DB_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("CRM_TEST_DB_PORT", "5432");
        return "jdbc:postgresql://" + host + ":" + port + "/usage_missing_"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void failedBatchIsDroppedAndCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        UsageBuffer buffer = new UsageBuffer(10, registry);
        DriverManagerDataSource missingDatabase = new DriverManagerDataSource(
                missingDatabaseUrl(), System.getenv().getOrDefault("CRM_DB_USER", "postgres"), "");
        UsageBatchWriter writer = new UsageBatchWriter(
                buffer, new UsageRepository(new JdbcTemplate(missingDatabase)), 2, Duration.ofHours(1), registry);
        for (int i = 0; i < 3; i++) {
            buffer.add(record());
        }

        int written = writer.flush();

        assertThat(written).isZero();
        assertThat(buffer.size()).isZero();
        assertThat(registry.get(UsageMetrics.DROPPED_RECORDS)
                        .tag("reason", "write_failed")
                        .counter()
                        .count())
                .isEqualTo(3.0);
        assertThat(registry.get(UsageMetrics.WRITTEN_RECORDS).counter().count()).isZero();
    }

    @Test
    void fullBufferDropsWithoutBlocking() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        UsageBuffer buffer = new UsageBuffer(2, registry);

        int[] waiting = new int[5];
        for (int i = 0; i < 5; i++) {
            waiting[i] = buffer.add(record());
        }

        assertThat(waiting).containsExactly(1, 2, 2, 2, 2);
        assertThat(registry.get(UsageMetrics.DROPPED_RECORDS)
                        .tag("reason", "buffer_full")
                        .counter()
                        .count())
                .isEqualTo(3.0);
        assertThat(buffer.take(10)).hasSize(2);
    }
}

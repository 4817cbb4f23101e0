package com.cleantechcrm.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.cleantechcrm.gateway.apikey.ApiScope;
import com.cleantechcrm.gateway.apikey.CreatedApiKey;
import com.cleantechcrm.gateway.support.GatewayIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class UsageRetentionTest extends GatewayIntegrationTest {

    private static final Duration RETENTION = Duration.ofDays(90);

    @Autowired
    UsageRepository repository;

    @Autowired
    JdbcClient jdbc;

    private UsageRecord recordAt(Instant receivedAt, CreatedApiKey key) {
        return new UsageRecord(receivedAt, key.organization().id(), key.apiKey().id(), "GET", "/leads", 200, 5);
    }

    private List<Instant> storedTimes(CreatedApiKey key) {
        return jdbc.sql("SELECT received_at FROM api_request WHERE organization_id = ? ORDER BY received_at")
                .param(key.organization().id())
                .query((row, number) ->
                        row.getObject("received_at", OffsetDateTime.class).toInstant())
                .list();
    }

    @Test
    void expiredRowsAreDeletedInChunks() {
        CreatedApiKey key = createKey(ApiScope.ADMIN);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant cutoff = now.minus(RETENTION);
        List<UsageRecord> records = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            records.add(recordAt(cutoff.minus(Duration.ofHours(i)), key));
        }
        records.add(recordAt(cutoff, key));
        records.add(recordAt(cutoff.plus(Duration.ofHours(1)), key));
        repository.insertAll(records);
        UsageRetention retention =
                new UsageRetention(repository, RETENTION, Duration.ofHours(1), Clock.fixed(now, ZoneOffset.UTC), 2);

        long deleted = retention.deleteExpired();

        assertThat(deleted).isGreaterThanOrEqualTo(5);
        assertThat(storedTimes(key)).containsExactly(cutoff, cutoff.plus(Duration.ofHours(1)));
        assertThat(retention.deleteExpired()).isZero();
    }
}

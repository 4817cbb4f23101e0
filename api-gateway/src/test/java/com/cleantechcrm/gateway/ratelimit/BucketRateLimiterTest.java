package com.cleantechcrm.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cleantechcrm.gateway.apikey.AuthenticatedKey;
import com.cleantechcrm.gateway.ratelimit.LimitPolicy.LimitScope;
import com.cleantechcrm.gateway.support.MutableClock;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limiter against the real PostgreSQL test database, with a clock the tests set: exact counts under concurrency,
 * counts shared by two limiters with their own connection pools, nothing consumed by a rejected request, the daily
 * reset at midnight UTC, and an unreachable store.
 */
class BucketRateLimiterTest {

    private static final String SCHEMA = "api_gateway_rate_limit_test";
    private static final String JDBC_URL = "jdbc:postgresql://"
            + System.getenv().getOrDefault("CRM_TEST_DB_HOST", "127.0.0.1") + ":"
            + System.getenv().getOrDefault("CRM_TEST_DB_PORT", "5432") + "/"
            + System.getenv().getOrDefault("CRM_TEST_DB_NAME", "test");

    private static HikariDataSource firstPool;
    private static HikariDataSource secondPool;

    private final MutableClock clock = new MutableClock(Instant.parse("2031-05-06T10:00:12.250Z"));

    @BeforeAll
    static void migrate() {
        firstPool = pool(JDBC_URL + "?currentSchema=" + SCHEMA, 4, Duration.ofSeconds(30));
        secondPool = pool(JDBC_URL + "?currentSchema=" + SCHEMA, 4, Duration.ofSeconds(30));
        Flyway.configure()
                .dataSource(firstPool)
                .schemas(SCHEMA)
                .createSchemas(true)
                .load()
                .migrate();
    }

    @AfterAll
    static void closePools() {
        firstPool.close();
        secondPool.close();
    }

    private static HikariDataSource pool(String url, int size, Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(System.getenv().getOrDefault("CRM_DB_USER", "postgres"));
        config.setPassword(System.getenv().getOrDefault("CRM_DB_PASSWORD", ""));
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    private static OrganizationLimits limits(long minute, long burst, long day) {
        return new OrganizationLimits(
                new LimitPolicy(LimitPolicy.MINUTE, LimitScope.API_KEY, minute, Duration.ofMinutes(1)),
                new LimitPolicy(LimitPolicy.BURST, LimitScope.ORGANIZATION, burst, Duration.ofSeconds(10)),
                new LimitPolicy(LimitPolicy.DAY, LimitScope.ORGANIZATION, day, Duration.ofDays(1)));
    }

    private static AuthenticatedKey newKey(UUID organizationId) {
        return new AuthenticatedKey(UUID.randomUUID(), organizationId, Set.of("leads:read"));
    }

    private BucketRateLimiter limiter(HikariDataSource pool) {
        return new BucketRateLimiter(pool, new ClockTimeMeter(clock));
    }

    private static LimitState stateOf(RateLimitDecision decision, String limit) {
        return decision.states().stream()
                .filter(state -> state.policy().name().equals(limit))
                .findFirst()
                .orElseThrow();
    }

    /** Sends {@code requests} requests from {@code threads} threads at once; returns how many were admitted. */
    private static int admittedUnderConcurrency(int threads, int requests, List<Request> plan) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Request request = plan.get(i % plan.size());
            outcomes.add(executor.submit(() -> {
                start.await();
                return request.limiter()
                        .consume(request.key(), request.limits())
                        .admitted();
            }));
        }
        start.countDown();
        int admitted = 0;
        for (Future<Boolean> outcome : outcomes) {
            if (outcome.get(60, TimeUnit.SECONDS)) {
                admitted++;
            }
        }
        executor.shutdown();
        return admitted;
    }

    private record Request(BucketRateLimiter limiter, AuthenticatedKey key, OrganizationLimits limits) {}

    @Test
    void concurrentRequestsGetExactlyMinuteQuota() throws Exception {
        AuthenticatedKey key = newKey(UUID.randomUUID());
        OrganizationLimits limits = limits(100, 1_000, 10_000);

        int admitted = admittedUnderConcurrency(32, 320, List.of(new Request(limiter(firstPool), key, limits)));

        assertThat(admitted).isEqualTo(100);
    }

    @Test
    void twoLimitersShareOneCount() throws Exception {
        AuthenticatedKey key = newKey(UUID.randomUUID());
        OrganizationLimits limits = limits(50, 1_000, 10_000);
        List<Request> plan =
                List.of(new Request(limiter(firstPool), key, limits), new Request(limiter(secondPool), key, limits));

        int admitted = admittedUnderConcurrency(32, 200, plan);

        assertThat(admitted).isEqualTo(50);
    }

    @Test
    void burstQuotaSpansKeysOfOrganization() throws Exception {
        UUID organization = UUID.randomUUID();
        OrganizationLimits limits = limits(100, 60, 10_000);
        BucketRateLimiter limiter = limiter(firstPool);
        List<Request> plan = List.of(
                new Request(limiter, newKey(organization), limits),
                new Request(limiter, newKey(organization), limits),
                new Request(limiter, newKey(organization), limits));

        int admitted = admittedUnderConcurrency(32, 150, plan);

        assertThat(admitted).isEqualTo(60);
        RateLimitDecision next = limiter.consume(newKey(organization), limits);
        assertThat(next.admitted()).isFalse();
        assertThat(next.closestToExhaustion().policy().name()).isEqualTo(LimitPolicy.BURST);
    }

    @Test
    void organizationRejectionLeavesKeyTokens() {
        AuthenticatedKey key = newKey(UUID.randomUUID());
        OrganizationLimits limits = limits(3, 2, 10_000);
        BucketRateLimiter limiter = limiter(firstPool);

        assertThat(limiter.consume(key, limits).admitted()).isTrue();
        assertThat(limiter.consume(key, limits).admitted()).isTrue();
        RateLimitDecision rejected = limiter.consume(key, limits);

        assertThat(rejected.admitted()).isFalse();
        assertThat(rejected.closestToExhaustion().policy().name()).isEqualTo(LimitPolicy.BURST);
        assertThat(stateOf(rejected, LimitPolicy.MINUTE).remaining()).isEqualTo(1);
        clock.set(Instant.parse("2031-05-06T10:00:20Z"));
        RateLimitDecision afterBurstWindow = limiter.consume(key, limits);
        assertThat(afterBurstWindow.admitted()).isTrue();
        assertThat(stateOf(afterBurstWindow, LimitPolicy.MINUTE).remaining()).isZero();
        assertThat(limiter.consume(key, limits).closestToExhaustion().policy().name())
                .isEqualTo(LimitPolicy.MINUTE);
    }

    @Test
    void keyRejectionLeavesOrganizationTokens() {
        UUID organization = UUID.randomUUID();
        OrganizationLimits limits = limits(1, 3, 10_000);
        BucketRateLimiter limiter = limiter(firstPool);
        AuthenticatedKey busy = newKey(organization);

        assertThat(limiter.consume(busy, limits).admitted()).isTrue();
        for (int i = 0; i < 5; i++) {
            RateLimitDecision rejected = limiter.consume(busy, limits);
            assertThat(rejected.admitted()).isFalse();
            assertThat(stateOf(rejected, LimitPolicy.BURST).remaining()).isEqualTo(2);
            assertThat(stateOf(rejected, LimitPolicy.DAY).remaining()).isEqualTo(9_999);
        }

        assertThat(limiter.consume(newKey(organization), limits).admitted()).isTrue();
        assertThat(limiter.consume(newKey(organization), limits).admitted()).isTrue();
        assertThat(limiter.consume(newKey(organization), limits).admitted()).isFalse();
    }

    @Test
    void dailyQuotaResetsAtMidnightUtc() {
        AuthenticatedKey key = newKey(UUID.randomUUID());
        OrganizationLimits limits = limits(100, 100, 3);
        BucketRateLimiter limiter = limiter(firstPool);
        clock.set(Instant.parse("2031-05-06T23:59:58.500Z"));

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.consume(key, limits).admitted()).isTrue();
        }
        RateLimitDecision rejected = limiter.consume(key, limits);
        assertThat(rejected.admitted()).isFalse();
        assertThat(rejected.closestToExhaustion().policy().name()).isEqualTo(LimitPolicy.DAY);
        assertThat(rejected.closestToExhaustion().resetAt()).isEqualTo(Instant.parse("2031-05-07T00:00:00Z"));
        assertThat(rejected.retryAfterSeconds()).isEqualTo(2);

        clock.set(Instant.parse("2031-05-06T23:59:59.999Z"));
        assertThat(limiter.consume(key, limits).admitted()).isFalse();

        clock.set(Instant.parse("2031-05-07T00:00:00Z"));
        RateLimitDecision nextDay = limiter.consume(key, limits);
        assertThat(nextDay.admitted()).isTrue();
        assertThat(stateOf(nextDay, LimitPolicy.DAY).remaining()).isEqualTo(2);
        assertThat(stateOf(nextDay, LimitPolicy.DAY).resetAt()).isEqualTo(Instant.parse("2031-05-08T00:00:00Z"));
    }

    @Test
    void minuteWindowEndsOnTheMinute() {
        AuthenticatedKey key = newKey(UUID.randomUUID());
        OrganizationLimits limits = limits(2, 100, 10_000);
        BucketRateLimiter limiter = limiter(firstPool);
        clock.set(Instant.parse("2031-05-06T10:00:59.900Z"));

        assertThat(limiter.consume(key, limits).admitted()).isTrue();
        assertThat(limiter.consume(key, limits).admitted()).isTrue();
        assertThat(limiter.consume(key, limits).admitted()).isFalse();
        clock.set(Instant.parse("2031-05-06T10:01:00Z"));

        RateLimitDecision nextMinute = limiter.consume(key, limits);
        assertThat(nextMinute.admitted()).isTrue();
        assertThat(stateOf(nextMinute, LimitPolicy.MINUTE).remaining()).isEqualTo(1);
        assertThat(stateOf(nextMinute, LimitPolicy.MINUTE).secondsUntilReset(nextMinute.decidedAt()))
                .isEqualTo(60);
    }

    @Test
    void unreachableStoreFailsWithStoreUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (HikariDataSource unreachable =
                pool("jdbc:postgresql://127.0.0.1:" + closedPort + "/test", 2, Duration.ofSeconds(1))) {
            BucketRateLimiter limiter = limiter(unreachable);

            assertThatThrownBy(() -> limiter.consume(newKey(UUID.randomUUID()), limits(100, 200, 10_000)))
                    .isInstanceOf(RateLimitStoreUnavailableException.class);
        }
    }
}

package com.cleantechcrm.gateway.ratelimit;

import com.cleantechcrm.gateway.apikey.AuthenticatedKey;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts requests in Bucket4j buckets stored in PostgreSQL (table {@code rate_limit_bucket}), so that every gateway
 * instance shares the same counts. Each API key has a bucket for the minute limit, and each organisation one bucket
 * for the burst and day limits, which Bucket4j consumes from together or not at all.
 *
 * <p>Both buckets of a request are locked ({@code SELECT ... FOR UPDATE}) and changed in one transaction, always the
 * key's bucket first, so two requests cannot deadlock. The transaction commits only when both buckets admit the
 * request. A request that one bucket rejects is rolled back, so it leaves no token consumed in the other bucket, and
 * no refund is needed.
 *
 * <p>The transaction commits without waiting for the write-ahead log to reach the disk ({@code synchronous_commit}
 * off). The requests of one key or organisation take turns on its row, so a flush per request would cap them at a few
 * hundred a second. A crash of the PostgreSQL server may forget the counts of its last few hundred milliseconds, which
 * then admits up to that many requests again, but it never loses or reorders committed data of other tables.
 */
public class BucketRateLimiter {

    static final String TABLE = "rate_limit_bucket";

    /**
     * How long a bucket row is kept after its quota is full again, which is when the row carries no information. The
     * margin covers clocks of gateway instances that differ by up to this much.
     */
    private static final Duration KEEP_AFTER_REFILL = Duration.ofMinutes(1);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    public BucketRateLimiter(DataSource dataSource, TimeMeter timeMeter) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(new TransactionBoundDataSource(dataSource))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .clientClock(timeMeter)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                .build();
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Counts one request of the key against its limits, or rejects it without counting it.
     *
     * @throws RateLimitStoreUnavailableException when the database cannot be reached or fails
     */
    public RateLimitDecision consume(AuthenticatedKey key, OrganizationLimits limits) {
        try {
            return transactions.execute(status -> {
                jdbc.execute("SET LOCAL synchronous_commit TO OFF");
                VerboseResult<ConsumptionProbe> keyResult = buckets.builder()
                        .build(keyBucketId(key, limits), () -> configurationOf(limits.minute()))
                        .asVerbose()
                        .tryConsumeAndReturnRemaining(1);
                VerboseResult<ConsumptionProbe> organizationResult = buckets.builder()
                        .build(organizationBucketId(key, limits), () -> configurationOf(limits.burst(), limits.day()))
                        .asVerbose()
                        .tryConsumeAndReturnRemaining(1);

                boolean keyConsumed = keyResult.getValue().isConsumed();
                boolean organizationConsumed = organizationResult.getValue().isConsumed();
                boolean admitted = keyConsumed && organizationConsumed;
                if (!admitted) {
                    status.setRollbackOnly();
                }
                long keyRestored = !admitted && keyConsumed ? 1 : 0;
                long organizationRestored = !admitted && organizationConsumed ? 1 : 0;
                long[] keyTokens = keyResult.getDiagnostics().getAvailableTokensPerEachBandwidth();
                long[] organizationTokens = organizationResult.getDiagnostics().getAvailableTokensPerEachBandwidth();

                Instant keyTime = toInstant(keyResult.getOperationTimeNanos());
                Instant organizationTime = toInstant(organizationResult.getOperationTimeNanos());
                List<LimitState> states = List.of(
                        state(limits.minute(), keyTokens[0] + keyRestored, keyTime),
                        state(limits.burst(), organizationTokens[0] + organizationRestored, organizationTime),
                        state(limits.day(), organizationTokens[1] + organizationRestored, organizationTime));
                return new RateLimitDecision(admitted, states, organizationTime);
            });
        } catch (DataAccessException | TransactionException | BucketExceptions.BucketExecutionException e) {
            throw new RateLimitStoreUnavailableException(e);
        }
    }

    /** Deletes bucket rows whose quotas are full again; returns how many it deleted. */
    public int removeExpired(int batchSize) {
        return buckets.removeExpired(batchSize);
    }

    /** Returns the bucket id, which contains the limit values, so a changed limit starts a new bucket. */
    private static String keyBucketId(AuthenticatedKey key, OrganizationLimits limits) {
        return "api-key:" + key.keyId() + ":minute=" + limits.minute().quota();
    }

    private static String organizationBucketId(AuthenticatedKey key, OrganizationLimits limits) {
        return "organization:" + key.organizationId() + ":burst="
                + limits.burst().quota() + "/" + limits.burst().windowSeconds() + "s:day="
                + limits.day().quota();
    }

    private static BucketConfiguration configurationOf(LimitPolicy... policies) {
        var builder = BucketConfiguration.builder();
        for (LimitPolicy policy : policies) {
            builder.addLimit(policy.bandwidth());
        }
        return builder.build();
    }

    private static LimitState state(LimitPolicy policy, long remaining, Instant at) {
        return new LimitState(policy, remaining, policy.windowEnd(at));
    }

    private static Instant toInstant(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos);
    }
}

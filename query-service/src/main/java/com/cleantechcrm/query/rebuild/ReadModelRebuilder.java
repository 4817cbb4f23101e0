package com.cleantechcrm.query.rebuild;

import com.cleantechcrm.events.LeadTopics;
import com.cleantechcrm.query.consumer.EventOutcomeMetrics;
import com.cleantechcrm.query.consumer.LeadEventApplier;
import com.cleantechcrm.query.consumer.LeadEventListener;
import com.cleantechcrm.support.error.ApiException;
import com.cleantechcrm.support.error.ErrorCode;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recreates every read model from the lead-event topic. It stops the listener container, empties the read-model
 * tables and the positions, moves the consumer group's offsets to the beginning of every partition, and starts the
 * container again. A monitor then marks the rebuild completed once the group's committed offsets reach the topic end
 * seen at the start.
 *
 * <p>NOTE: this coordinates only the consumer of this instance. With several query-service instances in the group,
 * moving the offsets fails while the others are still members, and the rebuild is reported as failed.
 */
@Service
class ReadModelRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilder.class);
    private static final long ADMIN_TIMEOUT_SECONDS = 10;
    private static final int OFFSET_RESET_ATTEMPTS = 10;

    private final KafkaListenerEndpointRegistry listeners;
    private final Admin admin;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final LeadEventApplier applier;
    private final EventOutcomeMetrics metrics;
    private final Clock clock;
    private final String groupId;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild-monitor");
        thread.setDaemon(true);
        return thread;
    });

    private RebuildStatus status;
    private EventOutcomeMetrics.Snapshot countsAtStart;
    private Map<TopicPartition, Long> targetOffsets = Map.of();
    private ScheduledFuture<?> monitorTask;

    ReadModelRebuilder(
            KafkaListenerEndpointRegistry listeners,
            Admin admin,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            LeadEventApplier applier,
            EventOutcomeMetrics metrics,
            Clock clock,
            @Value("${spring.kafka.consumer.group-id}") String groupId) {
        this.listeners = listeners;
        this.admin = admin;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.applier = applier;
        this.metrics = metrics;
        this.clock = clock;
        this.groupId = groupId;
    }

    /**
     * Starts a rebuild and returns at once, while the consumer replays the topic.
     *
     * @throws ApiException CONFLICT when a rebuild is running, SERVICE_UNAVAILABLE when Kafka or the database failed
     */
    synchronized RebuildStatus start() {
        if (status != null && status.state() == RebuildStatus.State.RUNNING) {
            throw new ApiException(
                            ErrorCode.CONFLICT, "Read-model rebuild " + status.rebuildId() + " is still running.")
                    .withDetail("rebuild_id", status.rebuildId());
        }
        UUID rebuildId = UUID.randomUUID();
        Instant startedAt = clock.instant();
        List<String> tables = applier.readModelTables();
        log.info(
                "Starting read-model rebuild {}: stopping the consumer, emptying tables {} and replaying topic {} from the beginning.",
                rebuildId,
                tables,
                LeadTopics.LEAD_EVENTS);

        MessageListenerContainer container = listeners.getListenerContainer(LeadEventListener.CONTAINER_ID);
        container.stop();
        try {
            transaction.executeWithoutResult(tx ->
                    jdbc.sql("truncate table " + String.join(", ", tables)).update());
            Map<TopicPartition, Long> beginning = offsets(OffsetSpec.earliest());
            targetOffsets = offsets(OffsetSpec.latest());
            moveGroupOffsets(beginning);
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            container.start();
            // The status is shown to API clients, so it names the failed step and leaves the details to the log.
            status = new RebuildStatus(
                    rebuildId,
                    RebuildStatus.State.FAILED,
                    startedAt,
                    clock.instant(),
                    0,
                    0,
                    0,
                    "Emptying the read models or moving the consumer group offsets failed. See the service log.");
            log.error(
                    "Read-model rebuild {} failed before replaying, so the read models may be incomplete until a rebuild succeeds.",
                    rebuildId,
                    e);
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The read-model rebuild failed. Try again later.")
                    .withDetail("rebuild_id", rebuildId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            container.start();
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The read-model rebuild was interrupted.");
        }

        countsAtStart = metrics.snapshot();
        status = new RebuildStatus(rebuildId, RebuildStatus.State.RUNNING, startedAt, null, 0, 0, 0, null);
        container.start();
        monitorTask = monitor.scheduleWithFixedDelay(this::checkProgress, 200, 500, TimeUnit.MILLISECONDS);
        return status;
    }

    /** Returns the latest rebuild's status with live counts, or empty when none ran since the service started. */
    synchronized Optional<RebuildStatus> status() {
        if (status == null || status.state() != RebuildStatus.State.RUNNING) {
            return Optional.ofNullable(status);
        }
        EventOutcomeMetrics.Snapshot counts = metrics.snapshot().minus(countsAtStart);
        return Optional.of(new RebuildStatus(
                status.rebuildId(),
                status.state(),
                status.startedAt(),
                null,
                counts.applied(),
                counts.skipped(),
                counts.deadLettered(),
                null));
    }

    private synchronized void checkProgress() {
        if (status == null || status.state() != RebuildStatus.State.RUNNING) {
            return;
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, Long> target : targetOffsets.entrySet()) {
                OffsetAndMetadata offset = committed.get(target.getKey());
                if (offset == null || offset.offset() < target.getValue()) {
                    return;
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            log.warn(
                    "Failed to read the offsets of consumer group {} during rebuild {}, and will retry.",
                    groupId,
                    status.rebuildId(),
                    e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }

        EventOutcomeMetrics.Snapshot counts = metrics.snapshot().minus(countsAtStart);
        Instant finishedAt = clock.instant();
        status = new RebuildStatus(
                status.rebuildId(),
                RebuildStatus.State.COMPLETED,
                status.startedAt(),
                finishedAt,
                counts.applied(),
                counts.skipped(),
                counts.deadLettered(),
                null);
        log.info(
                "Finished read-model rebuild {} in {} ms: {} events applied, {} skipped, {} sent to the dead-letter topic.",
                status.rebuildId(),
                finishedAt.toEpochMilli() - status.startedAt().toEpochMilli(),
                counts.applied(),
                counts.skipped(),
                counts.deadLettered());
        monitorTask.cancel(false);
    }

    private Map<TopicPartition, Long> offsets(OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        TopicDescription topic = admin.describeTopics(List.of(LeadTopics.LEAD_EVENTS))
                .allTopicNames()
                .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .get(LeadTopics.LEAD_EVENTS);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        topic.partitions().forEach(p -> request.put(new TopicPartition(LeadTopics.LEAD_EVENTS, p.partition()), spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request)
                .all()
                .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /**
     * Commits the given offsets for the consumer group. Kafka accepts this only while the group has no members, and
     * the stopped consumer may take a moment to leave, so a rejected attempt is repeated a few times.
     */
    private void moveGroupOffsets(Map<TopicPartition, Long> offsets)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        offsets.forEach((partition, offset) -> commits.put(partition, new OffsetAndMetadata(offset)));
        for (int attempt = 1; ; attempt++) {
            try {
                admin.alterConsumerGroupOffsets(groupId, commits).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (attempt >= OFFSET_RESET_ATTEMPTS) {
                    throw e;
                }
                log.info(
                        "Kafka rejected moving the offsets of consumer group {} (attempt {} of {}), retrying in 500 ms: {}",
                        groupId,
                        attempt,
                        OFFSET_RESET_ATTEMPTS,
                        e.getCause().getMessage());
                Thread.sleep(500);
            }
        }
    }

    @PreDestroy
    void stopMonitor() {
        monitor.shutdownNow();
    }
}

package com.cleantechcrm.query.stats;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A counter per organisation that grows after every committed change of the organisation's statistics, so that a
 * cached result computed at an older count is known to be out of date.
 */
@Component
class StatisticsVersions {

    // One entry per organisation with applied events since start; the number of organisations bounds its size.
    private final Map<UUID, Long> versions = new ConcurrentHashMap<>();

    long current(UUID organizationId) {
        return versions.getOrDefault(organizationId, 0L);
    }

    /** Counts a change of the organisation's statistics once the current transaction commits. */
    void changeAfterCommit(UUID organizationId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    versions.merge(organizationId, 1L, Long::sum);
                }
            });
        } else {
            versions.merge(organizationId, 1L, Long::sum);
        }
    }
}
